package dev.overlaylab.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaseAndKeysTest {
    private final EtcdKeys keys = EtcdKeys.flannelDefault();

    @Test
    void keysAreBuiltFromThePrefix() {
        assertThat(keys.config()).isEqualTo("/coreos.com/network/config");
        assertThat(keys.subnets()).isEqualTo("/coreos.com/network/subnets/");
        assertThat(keys.subnet("10.1.35.0/24")).isEqualTo("/coreos.com/network/subnets/10.1.35.0-24");
        assertThat(keys.subnetOf("/coreos.com/network/subnets/10.1.35.0-24")).isEqualTo("10.1.35.0/24");
        assertThat(new EtcdKeys("/lab/net/").config()).isEqualTo("/lab/net/config");
        assertThatThrownBy(() -> new EtcdKeys("coreos.com")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leaseIsParsedFromFlannelsValue() {
        Lease lease = Lease.parse(keys, "/coreos.com/network/subnets/10.1.35.0-24",
                "{\"PublicIP\":\"192.168.56.101\",\"PublicIPv6\":null,\"BackendType\":\"vxlan\",\"BackendData\":{\"VtepMAC\":\"ae:1b:9f:2a:10:01\"}}");
        assertThat(lease).isEqualTo(new Lease("10.1.35.0/24", "192.168.56.101", "vxlan", Map.of("VtepMAC", "ae:1b:9f:2a:10:01")));
        Lease udp = Lease.parse(keys, "/coreos.com/network/subnets/10.1.7.0-24", "{\"PublicIP\":\"192.168.56.102\"}");
        assertThat(udp.backendType()).isEmpty();
        assertThat(udp.backendData()).isEmpty();
    }

    @Test
    void brokenLeaseNamesTheKeyAndValue() {
        assertThatThrownBy(() -> Lease.parse(keys, "/coreos.com/network/subnets/10.1.7.0-24", "not json"))
                .hasMessageContaining("10.1.7.0-24").hasMessageContaining("not json");
    }

    @Test
    void jsonComparisonIgnoresSpacingAndKeyOrderButNotValues() {
        assertThat(EtcdPort.sameJson("{\"Network\":\"10.1.0.0/16\",\"Backend\":{\"Type\":\"udp\"}}",
                "{ \"Backend\": { \"Type\": \"udp\" },\n \"Network\": \"10.1.0.0/16\" }\n")).isTrue();
        assertThat(EtcdPort.sameJson("{\"SubnetLen\":24}", "{\"SubnetLen\":25}")).isFalse();
        assertThat(EtcdPort.sameJson("{\"Backend\":{\"Type\":\"udp\"}}", "{\"Backend\":{\"Type\":\"vxlan\"}}")).isFalse();
        assertThat(EtcdPort.sameJson("not json", " not json ")).isTrue();
    }
}
