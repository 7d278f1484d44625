package dev.overlaylab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.engine.Pipelines.Component;
import dev.overlaylab.etcd.EtcdException;
import dev.overlaylab.progress.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** olab diff / apply without --only / the app's Regenerate: what differs, the config as JSON, a failed read an error. */
class LabChangesTest {
    @TempDir
    Path tmp;
    FakeLab fake;

    @BeforeEach
    void upLab() throws Exception {
        Path flanneld = tmp.resolve("flanneld");
        Files.write(flanneld, new byte[] {0x7f, 'E', 'L', 'F', 1, 2, 3});
        fake = new FakeLab(flanneld);
        assertThat(fake.up().failures()).isEmpty();
    }

    private LabChanges changes() {
        return new LabChanges((l, n) -> fake.nodes.get(n.name()), (l, master) -> fake.etcd);
    }

    @Test
    void aHealthyLabHasNoChangesAndTheSameConfigInAnotherKeyOrderIsNoChange() {
        fake.etcd.put("{ \"Backend\": {\"Type\": \"udp\"},\n  \"Network\": \"10.1.0.0/16\" }");

        LabChanges.Changes c = changes().of(fake.lab, fake.lab.nodes(), fake.rendered());

        assertThat(c.any()).isFalse();
        assertThat(c.config()).isEmpty();
    }

    @Test
    void aDifferentConfigIsShownAsADiffAndMakesFlannelTheComponentToPush() {
        fake.etcd.put("{\"Network\":\"10.1.0.0/16\",\"Backend\":{\"Type\":\"vxlan\"}}");

        LabChanges.Changes c = changes().of(fake.lab, fake.lab.nodes(), fake.rendered());

        assertThat(c.config()).hasValueSatisfying(d -> {
            assertThat(d.key()).isEqualTo("/coreos.com/network/config");
            assertThat(d.diff()).contains("--- etcd:/coreos.com/network/config").contains("-{\"Network\":\"10.1.0.0/16\",\"Backend\":{\"Type\":\"vxlan\"}}")
                    .contains("+" + FakeLab.CONFIG);
        });
        assertThat(c.components()).containsExactly(Component.FLANNEL);
        assertThat(c.needsWholeUp()).isFalse();
    }

    @Test
    void aConfigReadThatFailsIsAnErrorNeverAChangeAndPushWritesNothing() {
        fake.etcd.put("{\"Network\":\"10.1.0.0/16\",\"Backend\":{\"Type\":\"vxlan\"}}");
        fake.etcd.readFailure = new EtcdException("127.0.0.1:2379", "did not answer", "start etcd on the master", null);

        assertThatThrownBy(() -> changes().of(fake.lab, fake.lab.nodes(), fake.rendered()))
                .isInstanceOf(EtcdException.class).hasMessageContaining("did not answer");
        fake.etcd.readFailure = null;
        assertThat(fake.etcd.value()).contains("vxlan");
    }

    @Test
    void pushAppliesOnlyTheChangedComponentAndTheConfigOnlyWithForce() {
        fake.etcd.put("{\"Network\":\"10.1.0.0/16\",\"Backend\":{\"Type\":\"vxlan\"}}");
        LabChanges.Changes c = changes().of(fake.lab, fake.lab.nodes(), fake.rendered());

        RunResult refused = fake.engine().push(fake.lab, fake.rendered(), fake.provider, c, RunOptions.defaults(), ProgressListener.NONE);
        assertThat(refused.ok()).isFalse();
        assertThat(fake.etcd.value()).contains("vxlan");

        RunResult forced = fake.engine().push(fake.lab, fake.rendered(), fake.provider, c, RunOptions.defaults().withForce(true),
                ProgressListener.NONE);
        assertThat(forced.failures()).isEmpty();
        assertThat(fake.etcd.value()).isEqualTo(FakeLab.CONFIG);
    }

    @Test
    void pushStagesFollowTheSeedsOrderAndRetryFromAStageKeepsTheNodeStages() {
        assertThat(Pipelines.push(Set.of(Component.DOCKER, Component.ETCD)).stream().map(Stage::id))
                .containsExactly("nodes", "nodes", "etcd", "docker");
        assertThat(Pipelines.push(Set.of(Component.FLANNEL)).stream().map(Stage::id))
                .as("a flanneld restart stops docker (Requires=): the docker stage starts it again")
                .containsExactly("nodes", "nodes", "network-config", "flanneld", "docker");
        assertThat(Pipelines.upFrom("flanneld").stream().map(Stage::id))
                .containsExactly("nodes", "nodes", "flanneld", "docker", "kube-binaries", "control-plane", "kubelet", "kube-ready", "verify");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> Pipelines.upFrom("flannel"))
                .withMessageContaining("no stage 'flannel'").withMessageContaining("network-config");
    }
}
