package dev.overlaylab.engine.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.model.FlannelSettings.Backend;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What another backend leaves behind, read from real {@code ip} output captured on a lab node. */
class OldBackendStepTest {
    // master of a 2-node nspawn lab after vxlan → udp without cleanup (flannel0 is udp's TUN)
    static final String LINKS = String.join("\n",
            "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00",
            "2: host0@if38: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000\\    link/ether 6e:11:2a:01:aa:10 brd ff:ff:ff:ff:ff:ff link-netnsid 0",
            "5: flannel.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UNKNOWN mode DEFAULT group default \\    link/ether ba:71:a0:d9:d9:13 brd ff:ff:ff:ff:ff:ff",
            "6: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default \\    link/ether 02:42:6c:1a:75:a3 brd ff:ff:ff:ff:ff:ff",
            "9: flannel0: <POINTOPOINT,MULTICAST,NOARP,UP,LOWER_UP> mtu 1472 qdisc pfifo_fast state UNKNOWN mode DEFAULT group default qlen 500\\    link/none ",
            "");
    static final String HOST_GW_ROUTES = String.join("\n",
            "10.1.21.0/24 dev docker0 proto kernel scope link src 10.1.21.1 linkdown",
            "10.1.43.0/24 via 192.168.63.11 dev host0",
            "");
    static final String VXLAN_ROUTES = String.join("\n",
            "10.1.0.0/16 dev flannel0",
            "10.1.21.0/24 dev docker0 proto kernel scope link src 10.1.21.1 linkdown",
            "10.1.43.0/24 via 10.1.43.0 dev flannel.1 onlink",
            "");

    @Test
    void udpDropsTheVxlanDevice() {
        assertThat(OldBackendStep.staleDevices(new Backend("udp", Map.of()), LINKS)).containsExactly("flannel.1");
    }

    @Test
    void vxlanDropsTheUdpTunAndAVxlanDeviceOfAnotherVni() {
        assertThat(OldBackendStep.staleDevices(new Backend("vxlan", Map.of()), LINKS)).containsExactly("flannel0");
        assertThat(OldBackendStep.staleDevices(new Backend("vxlan", Map.of("VNI", 2)), LINKS)).containsExactly("flannel.1", "flannel0");
    }

    @Test
    void hostGwDropsEveryFlannelDevice() {
        assertThat(OldBackendStep.staleDevices(new Backend("host-gw", Map.of()), LINKS)).containsExactly("flannel.1", "flannel0");
    }

    @Test
    void gatewayRoutesAreStaleOnlyForBackendsThatDoNotRouteDirectly() {
        assertThat(OldBackendStep.staleRoutes(new Backend("vxlan", Map.of()), HOST_GW_ROUTES)).containsExactly("10.1.43.0/24 via 192.168.63.11 dev host0");
        assertThat(OldBackendStep.staleRoutes(new Backend("udp", Map.of()), HOST_GW_ROUTES)).containsExactly("10.1.43.0/24 via 192.168.63.11 dev host0");
        assertThat(OldBackendStep.staleRoutes(new Backend("host-gw", Map.of()), HOST_GW_ROUTES)).isEmpty();
        assertThat(OldBackendStep.staleRoutes(new Backend("vxlan", Map.of("DirectRouting", true)), HOST_GW_ROUTES)).isEmpty();
    }

    @Test
    void flannelsOwnDeviceRoutesAreNeverTouched() {
        assertThat(OldBackendStep.staleRoutes(new Backend("udp", Map.of()), VXLAN_ROUTES)).isEmpty();
    }
}
