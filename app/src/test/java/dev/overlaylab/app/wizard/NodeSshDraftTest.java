package dev.overlaylab.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.wizard.WizardDraft.NodeSsh;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.model.SshEndpoint;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The wizard's SSH settings of existing machines, as the lab file writes and LabLoader reads them. */
class NodeSshDraftTest {

    private static WizardDraft hosts() {
        WizardDraft d = new WizardDraft();
        d.provider = "hosts";
        d.profile = "ubuntu-22.04";
        return d;
    }

    @Test
    void untouchedSettingsAreTheLabFilesDefaults() throws Exception {
        WizardDraft d = hosts();
        String user = Profiles.get("ubuntu-22.04").user();
        Lab lab = LabLoader.parse(LabYamlWriter.write(d), Optional.empty());
        assertThat(lab.nodes().get(0).ssh()).isEqualTo(new SshEndpoint("192.168.56.101", 22, user, Optional.empty(), !"root".equals(user)));
        // and the same as what LabLoader makes of a file with no ssh: at all
        String bare = LabYamlWriter.write(d).replaceAll("(?m)^    ssh:\\n(      .*\\n)+", "");
        assertThat(bare).doesNotContain("ssh:");
        assertThat(LabLoader.parse(bare, Optional.empty()).nodes()).extracting(n -> n.ssh())
                .isEqualTo(lab.nodes().stream().map(n -> n.ssh()).toList());
    }

    @Test
    void aRootLoginHasNoSudoUnlessThePersonTicksIt() throws Exception {
        WizardDraft d = hosts();
        d.ssh.set(0, new NodeSsh("", 22, "root", "", null));
        d.ssh.set(1, new NodeSsh("", 22, "root", "", true));
        Lab lab = LabLoader.parse(LabYamlWriter.write(d), Optional.empty());
        assertThat(lab.nodes().get(0).ssh().sudo()).isFalse();
        assertThat(lab.nodes().get(1).ssh().sudo()).isTrue();
    }

    @Test
    void settingsStayWithTheirNodeWhenTheCountOrNetworkChanges() {
        WizardDraft d = hosts();
        d.ssh.set(1, new NodeSsh("10.9.9.9", 2022, "ops", "/k", false));
        d.prefillNodes(4);
        d.hostCidr = "192.168.60.0/24";
        d.renumberNodes();
        assertThat(d.ssh).hasSize(4);
        assertThat(d.ssh.get(1)).isEqualTo(new NodeSsh("10.9.9.9", 2022, "ops", "/k", false));
        assertThat(d.endpoint(0).host()).as("a blank address follows the node's").isEqualTo("192.168.60.101");
        d.prefillNodes(1);
        assertThat(d.ssh).containsExactly(NodeSsh.DEFAULT);
    }

    @Test
    void onlyExistingMachinesGetSshInTheFile() throws Exception {
        WizardDraft d = hosts();
        d.ssh.set(0, new NodeSsh("a.example", 2222, "me", "~/.ssh/id_ed25519", true));
        d.provider = "virtualbox";
        d.profile = "ubuntu-22.04";
        assertThat(LabYamlWriter.write(d)).doesNotContain("ssh:");
        d.provider = "hosts";
        Lab lab = LabLoader.parse(LabYamlWriter.write(d), Optional.empty());
        assertThat(lab.nodes().get(0).ssh()).isEqualTo(new SshEndpoint("a.example", 2222, "me",
                Optional.of(System.getProperty("user.home") + "/.ssh/id_ed25519"), true));
    }
}
