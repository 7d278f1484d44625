package dev.overlaylab.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.model.Cidr;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Docker0RuleTest {
    private static final Cidr LEASE = Cidr.parse("10.1.35.1/24");

    private static Docker0Rule.Verdict docker0(String address) {
        return Docker0Rule.judge(LEASE, Optional.ofNullable(address).map(Cidr::parse));
    }

    @Test
    void docker0WithFlannelSubnetsAddressAndPrefixIsRight() {
        assertThat(docker0("10.1.35.1/24").ok()).isTrue();
        assertThat(docker0("10.1.35.1/24").reason()).isEqualTo("docker0 10.1.35.1/24 is FLANNEL_SUBNET 10.1.35.1/24");
    }

    @Test
    void anotherAddressInsideTheLeaseIsNotWhatBipGave() {
        // the case where the step (address inside) and the check (network inside) used to disagree
        Docker0Rule.Verdict v = docker0("10.1.35.7/24");
        assertThat(v.ok()).isFalse();
        assertThat(v.reason()).contains("inside FLANNEL_SUBNET 10.1.35.1/24 but not its address 10.1.35.1");
    }

    @Test
    void theRightAddressWithAWiderPrefixIsWrong() {
        // the old step passed this (only the address was compared); docker0 would claim the whole overlay
        Docker0Rule.Verdict v = docker0("10.1.35.1/16");
        assertThat(v.ok()).isFalse();
        assertThat(v.reason()).isEqualTo("docker0 10.1.35.1/16 has prefix /16 but FLANNEL_SUBNET is 10.1.35.1/24");
    }

    @Test
    void aNarrowerPrefixOutsideTheAddressSaysBoth() {
        assertThat(docker0("10.1.36.1/25").reason()).isEqualTo(
                "docker0 10.1.36.1/25 has prefix /25 but FLANNEL_SUBNET is 10.1.35.1/24, and its address is outside it");
    }

    @Test
    void dockersDefaultBridgeAndAnOldLeaseAreOutside() {
        assertThat(docker0("172.17.0.1/16").reason()).contains("has prefix /16");
        Docker0Rule.Verdict oldLease = docker0("10.1.44.1/24");
        assertThat(oldLease.ok()).isFalse();
        assertThat(oldLease.reason()).isEqualTo("docker0 10.1.44.1/24 is outside FLANNEL_SUBNET 10.1.35.1/24");
    }

    @Test
    void noDocker0AddressIsAFailureThatSaysSo() {
        assertThat(docker0(null).ok()).isFalse();
        assertThat(docker0(null).reason()).contains("no IPv4 address");
    }
}
