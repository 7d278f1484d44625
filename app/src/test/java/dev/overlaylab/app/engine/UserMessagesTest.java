package dev.overlaylab.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.engine.Failure;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 6: the engine's CLI texts as the app shows them. The engine texts here are the
 * engine's own: {@link Failure#describe()} of real failures, and the providers' messages copied from
 * their sources (LocalProvider.endpoints, VirtualBoxProvider) — the CLI keeps that wording.
 */
class UserMessagesTest {

    @Test
    void aLocalLabThatIsNotUpSaysSoAndWhatToClick() {
        String engine = "lab 'ap-x' is not up on this machine (no bridge olb-fb1de6 recorded in "
                + "/var/lib/overlay-lab/ap-x/state): run ./olab up first";
        String shown = UserMessages.text(engine);
        assertThat(shown).contains("Lab ap-x is not running on this machine", "Click Provision")
                .doesNotContain("olb-", "/var/lib", "olab");
    }

    @Test
    void aMissingVmSaysWhichNodeAndWhatToClick() {
        assertThat(UserMessages.text("node1 did not answer; run olab up lab.yaml first"))
                .isEqualTo("node1 did not answer; provision the lab first (the Provision tab)");
        assertThat(UserMessages.text("VM olab-vb-master of node master does not exist; run 'olab up' first"))
                .contains("node master", "Click Provision").doesNotContain("olab");
    }

    @Test
    void aLabWideFailureNamesTheLabNotABlankNode() {
        Failure f = new Failure("nodes", "", "provider up", "VirtualBox cannot start VMs here", "", "",
                "load the driver with 'sudo modprobe vboxdrv'");
        String shown = UserMessages.failure("Nodes", "", "provider up", f.describe());
        assertThat(shown.lines().toList()).containsExactly(
                "Provisioning stopped: \u201cNodes\u201d failed for the whole lab at the step \u201cprovider up\u201d.",
                "What happened: VirtualBox cannot start VMs here",
                "What to do: load the driver with 'sudo modprobe vboxdrv'");
    }

    @Test
    void aNodeFailureKeepsItsEvidenceAndTheFixBecomesTheButton() {
        Failure f = new Failure("etcd", "master", "wait healthy", "a command failed (exit 1)", "etcdctl endpoint health",
                "context deadline exceeded\nunhealthy cluster", "fix the cause shown, then run up again to continue");
        String shown = UserMessages.failure("etcd", "master", "wait healthy", f.describe());
        assertThat(shown).contains("failed on node master at the step \u201cwait healthy\u201d",
                "What happened: a command failed (exit 1)",
                "What to do: fix the cause shown, then click Retry from here",
                "What it printed:\ncontext deadline exceeded\nunhealthy cluster")
                .doesNotContain("run up again", "etcdctl endpoint health");
    }

    @Test
    void aFailureWithoutAFixSaysWhereToLook() {
        Failure f = new Failure("docker", "node1", "restart docker", "docker did not start", "", "", "");
        assertThat(UserMessages.failure("docker", "node1", "restart docker", f.describe()))
                .contains("What to do: look at the output below and at the log");
    }

    @Test
    void seedJargonAndStatePathsAreLeftOut() {
        assertThat(UserMessages.text("slow; for debugging and old kernels (seed 000)."))
                .isEqualTo("slow; for debugging and old kernels.");
        assertThat(UserMessages.text("'master' is already the name of nodes[0]; e.g. seeds-lab"))
                .isEqualTo("'master' is already the name of node 1; e.g. flannel-lab");
        assertThat(UserMessages.text("the bridge is gone (see /var/lib/overlay-lab/ap/state) and nothing answers"))
                .isEqualTo("the bridge is gone and nothing answers");
    }

    @Test
    void anErrorKeepsItsFixLine() {
        Exception e = new IllegalStateException("VirtualBox is not installed\n  fix: install VirtualBox 7 from virtualbox.org");
        assertThat(UserMessages.error(e)).isEqualTo("VirtualBox is not installed\nWhat to do: install VirtualBox 7 from virtualbox.org");
        assertThat(UserMessages.error(new NullPointerException())).contains("unexpected internal error");
    }
}
