package dev.overlaylab.verify.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.verify.Probe;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The master script's output, hand-written in the shape its jsonpath templates print (a pending pod has no IP yet). */
class ClusterFactsTest {

    static Probe probe(String stdout) {
        return new Probe("kubectl …", new ExecResult(List.of("sh"), 0, stdout, ""), Duration.ZERO);
    }

    @Test
    void readsNodesPodsAndServicesKeepingEmptyFieldsInPlace() {
        ClusterFacts f = ClusterFacts.parse(probe("""
                namespace/olab-verify unchanged
                daemonset.apps/olab-verify unchanged
                @@apply 0
                daemon set "olab-verify" successfully rolled out
                @@node k8v-master 192.168.84.11 True
                @@node k8v-node1 192.168.84.12 False
                @@pod olab-verify-abcde k8v-master 10.84.9.130 Running true
                @@pod olab-verify-fghij k8v-node1  Pending false
                @@service olab-verify 10.96.44.5 
                @@service olab-verify-nodeport 10.96.3.9 31080
                @@service kubernetes 10.96.0.1 
                """));
        assertThat(f.nodes()).extracting(ClusterFacts.KubeNode::isReady).containsExactly(true, false);
        assertThat(f.node("master", "192.168.84.11")).get().extracting(ClusterFacts.KubeNode::name).isEqualTo("k8v-master");
        assertThat(f.podOn("k8v-node1")).get().satisfies(p -> {
            assertThat(p.ip()).isEmpty();
            assertThat(p.phase()).isEqualTo("Pending");
            assertThat(p.ready()).isFalse();
        });
        assertThat(f.podOn("k8v-master")).get().extracting(ClusterFacts.KubePod::ip).isEqualTo("10.84.9.130");
        assertThat(f.clusterIp()).contains("10.96.44.5");
        assertThat(f.nodePort()).contains(31080);
        assertThat(f.kubernetesIp()).contains("10.96.0.1");
    }

    @Test
    void aDeadApiserverLeavesEverythingEmpty() {
        ClusterFacts f = ClusterFacts.parse(new Probe("kubectl …", new ExecResult(List.of("sh"), 1, "@@apply 1\n",
                "The connection to the server 192.168.84.11:6443 was refused - did you specify the right host or port?\n"), Duration.ZERO));
        assertThat(f.nodes()).isEmpty();
        assertThat(f.pods()).isEmpty();
        assertThat(f.clusterIp()).isEmpty();
        assertThat(f.nodePort()).isEmpty();
    }
}
