package dev.overlaylab.verify.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.model.KubernetesSettings;
import dev.overlaylab.model.Lab;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.FakeLab;
import dev.overlaylab.verify.VerificationReport;
import dev.overlaylab.verify.Verifier;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes rows through the whole {@link Verifier} on the in-process two-node {@link FakeLab}: its master
 * answers the kubectl script and each node its own script with hand-written output in the scripts' format
 * (as {@link ClusterFactsTest} and {@link NodeScriptTest} pin it), healthy or with one fault.
 */
public class KubeRowsTest {
    /** The master's script on a healthy cluster: node1 and node2 Ready, a pod on each inside its flannel subnet (10.1.35/24, 10.1.77/24). */
    public static final String CLUSTER = """
            @@apply 0
            daemon set "olab-verify" successfully rolled out
            @@node node1 192.168.57.11 True
            @@node node2 192.168.57.12 True
            @@pod olab-verify-aaaaa node1 10.1.35.130 Running true
            @@pod olab-verify-bbbbb node2 10.1.77.130 Running true
            @@service olab-verify 10.96.44.5 
            @@service olab-verify-nodeport 10.96.3.9 31080
            @@service kubernetes 10.96.0.1 
            """;

    /** A node's script where everything answered; {@code clusterIpFrom} lists who answered each of the 8 ClusterIP requests. */
    public static String node(boolean master, String peerPod, String peer, String... clusterIpFrom) {
        StringBuilder s = new StringBuilder();
        if (master) {
            s.append("@@unit kube-apiserver active\n@@unit kube-controller-manager active\n@@unit kube-scheduler active\n");
        }
        s.append("@@unit kubelet active\n@@unit kube-proxy active\n");
        for (String from : clusterIpFrom) {
            s.append(from == null ? "@@clusterip 10.96.44.5 28 curl: (28) Connection timed out after 2002 milliseconds\n"
                    : "@@clusterip 10.96.44.5 0 olab-k8s " + from + "\n");
        }
        s.append("@@apiserver 10.96.0.1 0 401\n");
        for (String ip : new String[] {"192.168.57.11", "192.168.57.12"}) {
            s.append("@@nodeport ").append(ip).append(" 0 olab-k8s node1\n@@nodeport ").append(ip).append(" 0 olab-k8s node2\n");
        }
        s.append("@@podns cni-4711\n@@pod ").append(peerPod).append(" 0 olab-k8s ").append(peer).append('\n');
        return s.toString();
    }

    public static FakeLab healthyCluster() {
        FakeLab f = FakeLab.healthy();
        f.node("node1").scripts.put("rollout status ds/olab-verify", CLUSTER);
        f.node("node1").scripts.put("@@unit", node(true, "10.1.77.130", "node2", "node1", "node2", "node1", "node2", "node2", "node1",
                "node2", "node1"));
        f.node("node2").scripts.put("@@unit", node(false, "10.1.35.130", "node1", "node2", "node1", "node1", "node2", "node1", "node2",
                "node2", "node1"));
        return f;
    }

    public static Lab withKubernetes(FakeLab f) {
        return f.lab().withKubernetes(Optional.of(KubernetesSettings.defaults()));
    }

    @Test
    void aHealthyClusterPassesEveryRowWithOneScriptOnTheMasterAndOnePerNode() {
        FakeLab f = healthyCluster();
        VerificationReport r = new Verifier().run(withKubernetes(f), f.access(), ProgressListener.NONE);

        assertThat(r.failures()).isEmpty();
        assertThat(r.find("k8s-clusterip", "node1")).get().extracting(CheckResult::summary).asString()
                .contains("8 of 8 answered (node1 ×4, node2 ×4)");
        assertThat(r.find("k8s-pod", "node2")).get().extracting(CheckResult::summary).asString()
                .isEqualTo("pod 10.1.77.130 inside node2's flannel subnet 10.1.77.0/24");
        assertThat(r.find("kube-apiserver-active", "node1")).get().matches(CheckResult::passed);
        assertThat(r.find("kube-apiserver-active", "node2")).isEmpty();
        assertThat(r.find("k8s-pod-http", "node2", "node1")).get().matches(CheckResult::passed);
        assertThat(r.find("k8s-apiserver-service", "node2")).get().matches(CheckResult::passed);
        // the per-node Kubernetes rows come before every pair row
        int firstPair = r.results().indexOf(r.pairResults().get(0));
        assertThat(r.results().subList(0, firstPair)).allMatch(c -> c.peer().isEmpty()).anyMatch(c -> c.id().equals("k8s-clusterip"));
        assertThat(r.results().subList(firstPair, r.results().size())).allMatch(c -> c.peer().isPresent());
        assertThat(f.commands).filteredOn(c -> c.contains("rollout status")).hasSize(1).allMatch(c -> c.startsWith("node1: "));
        assertThat(f.commands).filteredOn(c -> c.contains("@@unit")).hasSize(2);
    }

    @Test
    void withoutAKubernetesSectionNoKubernetesRowAndNoKubectl() {
        FakeLab f = healthyCluster();
        VerificationReport r = new Verifier().run(f.lab(), f.access(), ProgressListener.NONE);
        assertThat(r.results()).noneMatch(c -> c.id().startsWith("k8s-") || c.id().startsWith("kube"));
        assertThat(f.commands).noneMatch(c -> c.contains("kubectl"));
    }

    @Test
    void seed004OnlyTheNodesOwnPodAnswersItsClusterIpRequests() {
        FakeLab f = healthyCluster();
        f.node("node2").scripts.put("@@unit", node(false, "10.1.35.130", "node1", "node2", null, null, "node2", null, "node2", null, "node2"));
        VerificationReport r = new Verifier().run(withKubernetes(f), f.access(), ProgressListener.NONE);

        assertThat(r.failures()).extracting(CheckResult::where).containsExactly("node2");
        assertThat(r.failures().get(0).id()).isEqualTo("k8s-clusterip");
        assertThat(r.failures().get(0).summary()).isEqualTo("curl http://10.96.44.5:80/ from node2: 4 of 8 answered (node2 ×4);"
                + " 4 failed: curl: (28) Connection timed out after 2002 milliseconds");
    }

    @Test
    void aPodOutsideItsNodesFlannelSubnetAndANotReadyNodeFail() {
        FakeLab f = healthyCluster();
        f.node("node1").scripts.put("rollout status ds/olab-verify", CLUSTER.replace("node2 192.168.57.12 True", "node2 192.168.57.12 False")
                .replace("node2 10.1.77.130", "node2 10.88.0.4"));
        VerificationReport r = new Verifier().run(withKubernetes(f), f.access(), ProgressListener.NONE);
        assertThat(r.find("k8s-node-ready", "node2")).get().extracting(CheckResult::summary).asString()
                .isEqualTo("node node2 is not Ready (Ready=False)");
        assertThat(r.find("k8s-pod", "node2")).get().extracting(CheckResult::summary).asString()
                .isEqualTo("pod 10.88.0.4 outside node2's flannel subnet 10.1.77.0/24");
    }
}
