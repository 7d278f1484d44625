package dev.overlaylab.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.model.FlannelSettings.Backend;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Profile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One golden file per template and variant; the file names say which case each one pins down. */
class TemplateGoldenTest {
    private final Renderer renderer = Renderer.builtIn();

    @Test
    void etcdDefaultListensOnHostOnlyAddressAndLocalhost() throws Exception {
        String etcd = file(TestLabs.twoNodeVbox(), "master", "/etc/default/etcd").content();
        Golden.assertMatches("templates/etcd-default-single-member.golden", etcd);
        assertThat(etcd).contains("ETCD_LISTEN_CLIENT_URLS=\"http://192.168.56.101:2379,http://127.0.0.1:2379\"")
                .contains("ETCD_ADVERTISE_CLIENT_URLS=\"http://192.168.56.101:2379\"")
                // flannel 0.7 reads the v2 API
                .contains("ETCD_ENABLE_V2=\"true\"");
    }

    @Test
    void etcdDefaultListsAllThreeMembersInInitialCluster() throws Exception {
        String etcd = file(TestLabs.threeNodeHostGw(), "beta", "/etc/default/etcd").content();
        Golden.assertMatches("templates/etcd-default-three-members.golden", etcd);
        assertThat(etcd).doesNotContain("ENABLE_V2").contains("ETCD_NAME=\"beta\"").contains(
                "ETCD_INITIAL_CLUSTER=\"alpha=http://192.168.57.10:2380,beta=http://192.168.57.11:2380,gamma=http://192.168.57.12:2380\"");
    }

    @Test
    void etcdDefaultEnablesV2ApiForOldFlannelOnEtcd34() throws Exception {
        Lab lab = TestLabs.twoNodeLocal();
        lab = lab.withFlannel(TestLabs.flannel("0.10.0", "10.1.0.0/16", new Backend("vxlan", Map.of()), false));
        String etcd = file(lab, "n1", "/etc/default/etcd").content();
        Golden.assertMatches("templates/etcd-default-enable-v2.golden", etcd);
        assertThat(etcd).contains("ETCD_ENABLE_V2=\"true\"");
    }

    @Test
    void flanneldServiceForOldFlannelOnAWorker() throws Exception {
        String unit = file(TestLabs.twoNodeVbox(), "node1", "/etc/systemd/system/flanneld.service").content();
        Golden.assertMatches("templates/flanneld-service-0.7-worker.golden", unit);
        assertThat(unit).contains("Type=notify", "Before=docker.service", "--iface=enp0s8",
                        "--etcd-endpoints=http://192.168.56.101:2379 ", "--etcd-prefix=/coreos.com/network ")
                .contains("After=network-online.target\n")
                .doesNotContain("--iptables-forward-rules", "--ip-masq");
    }

    @Test
    void flanneldServiceForNewFlannelOnTheEtcdNodeWithIpMasq() throws Exception {
        String unit = file(TestLabs.twoNodeLocal(), "n1", "/etc/systemd/system/flanneld.service").content();
        Golden.assertMatches("templates/flanneld-service-0.28-etcd-node.golden", unit);
        assertThat(unit).contains("After=network-online.target etcd.service\n", "--ip-masq \\",
                "--iptables-forward-rules \\", "--iface=host0");
    }

    @Test
    void networkConfigForUdpIsTheSeedsConfig() throws Exception {
        Golden.assertMatches("templates/network-config-udp.golden", json(TestLabs.twoNodeVbox()));
    }

    @Test
    void networkConfigKeepsVxlanOptionsInFlannelsOrderAndTypes() throws Exception {
        String json = json(TestLabs.twoNodeLocal());
        Golden.assertMatches("templates/network-config-vxlan.golden", json);
        assertThat(json).contains("\"VNI\":1,\"Port\":8472,\"DirectRouting\":true");
    }

    @Test
    void networkConfigCarriesSubnetMinAndMax() throws Exception {
        Golden.assertMatches("templates/network-config-host-gw.golden", json(TestLabs.threeNodeHostGw()));
    }

    @Test
    void dockerDropInForDocker1xUsesDockerDaemonAndFlannelMtu() throws Exception {
        String dropIn = file(TestLabs.twoNodeVbox(), "node1", "/etc/systemd/system/docker.service.d/10-flannel.conf").content();
        Golden.assertMatches("templates/docker-drop-in-docker-daemon.golden", dropIn);
        assertThat(dropIn).contains("EnvironmentFile=/run/flannel/subnet.env\nExecStart=\n"
                + "ExecStart=/usr/bin/docker daemon -H fd:// --bip=${FLANNEL_SUBNET} --mtu=${FLANNEL_MTU}\n");
    }

    @Test
    void dockerDropInWithPinnedMtuAndFlannelMasquerading() throws Exception {
        String dropIn = file(TestLabs.twoNodeLocal(), "n2", "/etc/systemd/system/docker.service.d/10-flannel.conf").content();
        Golden.assertMatches("templates/docker-drop-in-dockerd-pinned-mtu.golden", dropIn);
        assertThat(dropIn).contains("ExecStart=/usr/sbin/dockerd -H fd:// --bip=${FLANNEL_SUBNET} --mtu=1400 --ip-masq=false\n");
    }

    @Test
    void hostOnlyAddressWithIfupdown() throws Exception {
        RenderedFile f = file(TestLabs.twoNodeVbox(), "node1", "/etc/network/interfaces.d/olab-enp0s8");
        Golden.assertMatches("templates/host-only-ifupdown.golden", f.content());
        assertThat(f.applyCommand()).contains("ifdown --force enp0s8 2>/dev/null; ifup enp0s8");
    }

    @Test
    void hostOnlyAddressWithNetplanIsPrivate() throws Exception {
        RenderedFile f = file(TestLabs.threeNodeHostGw(), "gamma", "/etc/netplan/60-olab-hostonly.yaml");
        Golden.assertMatches("templates/host-only-netplan.golden", f.content());
        assertThat(f.mode()).isEqualTo(0600);
        assertThat(f.applyCommand()).contains("netplan apply");
    }

    @Test
    void hostOnlyAddressWithSystemdNetworkd() throws Exception {
        RenderedFile f = file(TestLabs.twoNodeLocal(), "n2", "/etc/systemd/network/10-olab-host0.network");
        Golden.assertMatches("templates/host-only-networkd.golden", f.content());
        assertThat(f.restarts()).containsExactly("systemd-networkd");
    }

    @Test
    void forwardAcceptUnitCoversTheFlannelNetworkBothWays() throws Exception {
        RenderedFile f = file(TestLabs.twoNodeVbox(), "master", "/etc/systemd/system/olab-forward-accept.service");
        Golden.assertMatches("templates/forward-accept-service.golden", f.content());
        assertThat(f.content()).contains("iptables -I FORWARD -s 10.1.0.0/16 -j ACCEPT",
                "iptables -I FORWARD -d 10.1.0.0/16 -j ACCEPT", "Type=oneshot", "RemainAfterExit=yes", "After=docker.service");
    }

    private RenderedFile file(Lab lab, String node, String path) throws RenderException {
        Profile profile = TestLabs.profileOf(lab);
        return renderer.renderNode(lab, profile, lab.node(node).orElseThrow()).stream()
                .filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(node + " got no " + path));
    }

    private String json(Lab lab) throws RenderException {
        return renderer.networkConfigJson(lab, TestLabs.profileOf(lab)) + "\n";
    }
}
