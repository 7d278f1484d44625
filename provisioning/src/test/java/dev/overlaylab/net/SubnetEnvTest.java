package dev.overlaylab.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.model.Cidr;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The file as flanneld writes it is covered in {@code verify.ParsersTest} (recorded); these are the edges. */
class SubnetEnvTest {

    @Test
    void quotedValuesCommentsAndBlankLinesAreHandled() {
        SubnetEnv env = SubnetEnv.parse("# written by hand\n\nFLANNEL_NETWORK=\"10.1.0.0/16\"\r\n FLANNEL_SUBNET = 10.1.35.1/24 \nFLANNEL_MTU=1450\nnot a pair\n");
        assertThat(env.network()).hasValue(Cidr.parse("10.1.0.0/16"));
        assertThat(env.subnet()).hasValueSatisfying(s -> assertThat(s).hasToString("10.1.35.1/24"));
        assertThat(env.mtu()).hasValue(1450);
        assertThat(env.complete()).isTrue();
    }

    @Test
    void malformedValuesAreAbsentNotGuessed() {
        SubnetEnv env = SubnetEnv.parse("FLANNEL_NETWORK=10.1.0.0\nFLANNEL_SUBNET=10.1.256.1/24\nFLANNEL_MTU=-1\n");
        assertThat(env.network()).isEmpty();
        assertThat(env.subnet()).isEmpty();
        assertThat(env.mtu()).isEmpty();
        assertThat(env.complete()).isFalse();
    }

    @Test
    void aMissingFileIsNoEnvAndAnEmptyOneHasNoSubnet() {
        assertThat(SubnetEnv.of(Optional.empty())).isEmpty();
        assertThat(SubnetEnv.of(Optional.of(new byte[0]))).hasValueSatisfying(e -> assertThat(e.subnet()).isEmpty());
        assertThat(SubnetEnv.of(Optional.of("FLANNEL_SUBNET=10.1.7.1/24\n".getBytes(StandardCharsets.UTF_8))).flatMap(SubnetEnv::subnet))
                .hasValue(Cidr.parse("10.1.7.1/24"));
    }

    @Test
    void firstInetReadsIpAddrOutputAndIgnoresTheRest() {
        String out = "4: docker0    inet 10.1.35.1/24 brd 10.1.35.255 scope global docker0\\       valid_lft forever preferred_lft forever\n";
        assertThat(InterfaceAddress.firstInet(out)).hasValue(Cidr.parse("10.1.35.1/24"));
        assertThat(InterfaceAddress.firstInet("Device \"docker0\" does not exist.\n")).isEmpty();
        assertThat(InterfaceAddress.firstInet("4: docker0    inet 10.1.256.1/24 brd ...")).as("not wrapped to 10.1.0.1").isEmpty();
    }
}
