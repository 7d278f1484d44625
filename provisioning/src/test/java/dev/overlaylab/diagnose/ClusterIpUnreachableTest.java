package dev.overlaylab.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.model.Lab;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.verify.FakeLab;
import dev.overlaylab.verify.FakeLabNode;
import dev.overlaylab.verify.kube.KubeRowsTest;
import dev.overlaylab.verify.kube.KubeTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Failure mode #15 on the in-process two-node lab with Kubernetes: each cause made the way it shows on nodes
 * (kube-proxy's /configz, the route to the service CIDR, systemd's state, the apiserver's command line —
 * hand-written in the shapes those commands print), and the one finding that names it. The same faults on a
 * real lab: {@code KubernetesDiagnoseOnALocalLabTest}.
 */
class ClusterIpUnreachableTest {
    private static final String CONFIGZ = "{\"kubeproxy.config.k8s.io\":{\"bindAddress\":\"0.0.0.0\",\"clusterCIDR\":\"%s\","
            + "\"detectLocalMode\":\"ClusterCIDR\",\"iptables\":{\"masqueradeAll\":false,\"masqueradeBit\":14},\"mode\":\"iptables\"}}\n";

    private final FakeLab f = KubeRowsTest.healthyCluster();
    private final Lab lab = KubeRowsTest.withKubernetes(f);
    private final KubeTarget t = KubeTarget.of(lab).orElseThrow();

    /** What every node shows when healthy: units active, kube-proxy with clusterCIDR, Service traffic from the NAT NIC. */
    private void healthyEvidence() {
        for (FakeLabNode n : f.nodes.values()) {
            n.extra.put(evidence(n, KubeEvidence.UNITS), units(n, "active"));
            n.extra.put("curl -sS -m 2 http://127.0.0.1:10249/configz", CONFIGZ.formatted("10.1.0.0/16"));
            n.extra.put("ps -o args= -C kube-proxy", "/usr/local/bin/kube-proxy --config=" + t.kubeProxyConfig() + "\n");
            n.extra.put(KubeEvidence.serviceRoute(t), "10.96.0.1 via 10.0.2.2 dev enp0s3 src 10.0.2.15 uid 0 \\    cache \n");
        }
        f.node("node1").extra.put("ps -o args= -C kube-apiserver", "/usr/local/bin/kube-apiserver --advertise-address=192.168.57.11"
                + " --etcd-servers=http://192.168.57.11:2379\n");
    }

    private String evidence(FakeLabNode n, String section) {
        return KubeEvidence.sections(lab, lab.node(n.name).orElseThrow()).stream().filter(s -> s.name().equals(section))
                .findFirst().orElseThrow().command();
    }

    private String units(FakeLabNode n, String kubeProxyState) {
        StringBuilder s = new StringBuilder();
        for (String u : t.unitsOn(lab, lab.node(n.name).orElseThrow())) {
            boolean kp = u.equals(KubeTarget.KUBE_PROXY);
            String state = kp ? kubeProxyState : "active";
            s.append("Id=").append(u).append(".service\nActiveState=").append(state).append("\nSubState=")
                    .append(state.equals("active") ? "running" : "dead").append("\nNRestarts=0\nUnitFileState=")
                    .append(state.equals("active") ? "enabled" : "disabled").append("\n\n");
        }
        return s.toString();
    }

    private List<Finding> diagnose() {
        return new VerifyAndDiagnose().diagnose(lab, f.access(), ProgressListener.NONE).findings();
    }

    /** node2's ClusterIP requests answered only by node2's own pod (the verify row seed 004 fails). */
    private void onlyOwnPodAnswersOnNode2() {
        f.node("node2").scripts.put("@@unit", KubeRowsTest.node(false, "10.1.35.130", "node1", "node2", null, null, "node2", null,
                "node2", null, "node2"));
    }

    @Test
    void aHealthyClusterHasNoFinding() {
        healthyEvidence();
        assertThat(diagnose()).isEmpty();
    }

    @Test
    void seed004ServiceTrafficFromTheNatAddressWithoutClusterCidrIsNamed() {
        healthyEvidence();
        onlyOwnPodAnswersOnNode2();
        f.node("node2").extra.put("curl -sS -m 2 http://127.0.0.1:10249/configz", CONFIGZ.formatted(""));

        List<Finding> found = diagnose();

        assertThat(found).extracting(Finding::id).containsExactly("clusterip-unreachable");
        Finding x = found.get(0);
        assertThat(x.cause()).startsWith("ClusterIPs answer node2 only from its own pods").contains("seed 004").doesNotContain("\n");
        assertThat(x.evidence()).anyMatch(e -> e.contains("source 10.0.2.15 on enp0s3, not the host-only 192.168.57.12"))
                .anyMatch(e -> e.contains("4 of 8 answered (node2 ×4)"));
        assertThat(x.fix()).contains("clusterCIDR: 10.1.0.0/16", "ip route add 10.96.0.0/12 dev enp0s8 src 192.168.57.12");
        assertThat(x.fixable()).isTrue();
    }

    @Test
    void theSameSymptomWithClusterCidrSetIsNotBlamedOnIt() {
        healthyEvidence();
        onlyOwnPodAnswersOnNode2();
        assertThat(diagnose()).extracting(Finding::id).containsExactly(FailureMode.UNEXPLAINED);
    }

    @Test
    void theSameSymptomWithServiceTrafficFromTheHostOnlyAddressIsNotBlamedOnIt() {
        healthyEvidence();
        onlyOwnPodAnswersOnNode2();
        f.node("node2").extra.put("curl -sS -m 2 http://127.0.0.1:10249/configz", CONFIGZ.formatted(""));
        f.node("node2").extra.put(KubeEvidence.serviceRoute(t), "10.96.0.1 dev enp0s8 src 192.168.57.12 uid 0 \\    cache \n");
        assertThat(diagnose()).extracting(Finding::id).containsExactly(FailureMode.UNEXPLAINED);
    }

    @Test
    void kubeProxyStoppedIsNamedEvenWhileItsOldRulesStillAnswer() {
        healthyEvidence();
        f.node("node2").extra.put(evidence(f.node("node2"), KubeEvidence.UNITS), units(f.node("node2"), "inactive"));
        f.node("node2").scripts.put("@@unit", KubeRowsTest.node(false, "10.1.35.130", "node1", "node2", "node1", "node1", "node2",
                "node1", "node2", "node2", "node1").replace("@@unit kube-proxy active", "@@unit kube-proxy inactive"));

        List<Finding> found = diagnose();

        assertThat(found).extracting(Finding::id).containsExactly("clusterip-unreachable");
        assertThat(found.get(0).cause()).startsWith("kube-proxy is not running on node2");
        assertThat(found.get(0).evidence()).anyMatch(e -> e.contains("inactive (dead), disabled"));
        assertThat(found.get(0).fix()).contains("systemctl enable --now kube-proxy");
    }

    @Test
    void anApiserverAdvertisingTheNatAddressIsNamed() {
        healthyEvidence();
        f.node("node1").extra.put("ps -o args= -C kube-apiserver", "/usr/local/bin/kube-apiserver --advertise-address=10.0.2.15\n");
        f.node("node2").scripts.put("@@unit", KubeRowsTest.node(false, "10.1.35.130", "node1", "node2", "node1", "node1", "node2",
                "node1", "node2", "node2", "node1").replace("@@apiserver 10.96.0.1 0 401",
                "@@apiserver 10.96.0.1 7 000curl: (7) Failed to connect to 10.96.0.1 port 443 after 0 ms: Couldn't connect to server"));

        List<Finding> found = diagnose();

        assertThat(found).extracting(Finding::id).containsExactly("clusterip-unreachable");
        assertThat(found.get(0).cause()).startsWith("kube-apiserver advertises 10.0.2.15 (enp0s3), not the master's host-only address 192.168.57.11");
        assertThat(found.get(0).fix()).contains("--advertise-address=192.168.57.11");
    }
}
