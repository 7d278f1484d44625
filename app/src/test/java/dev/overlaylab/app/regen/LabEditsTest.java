package dev.overlaylab.app.regen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.wizard.BackendChoice;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.LabWriter;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LabEditsTest {
    private static final String LAB = """
            name: olg-edit
            provider: hosts
            profile: debian-12
            network: {cidr: 192.168.58.0/24}
            nodes:
              - {name: master, ip: 192.168.58.101}
              - {name: node1, ip: 192.168.58.102}
            etcd: {members: 1, prefix: /olab/network}
            flannel:
              network: 10.1.0.0/16
              backend: {type: vxlan, VNI: 7, Port: 8472}
            """;

    private static Lab lab() throws Exception {
        return LabLoader.parse(LAB, Optional.empty());
    }

    @Test
    void switchingToHostGwDropsOptionsItDoesNotReadAndKeepsTheRestOfTheLab() throws Exception {
        Lab edited = LabEdits.withBackend(lab(), BackendChoice.HOST_GW);
        assertThat(edited.flannel().backend().type()).isEqualTo("host-gw");
        assertThat(edited.flannel().backend().options()).isEmpty();
        assertThat(edited.etcd().prefix()).isEqualTo("/olab/network");
        Lab reread = LabLoader.parse(LabWriter.toYaml(edited), Optional.empty());
        assertThat(reread.flannel().backend().type()).isEqualTo("host-gw");
        assertThat(reread.etcd().prefix()).isEqualTo("/olab/network");
    }

    @Test
    void directRoutingKeepsTheVxlanOptionsAndAddsTheFlag() throws Exception {
        Lab edited = LabEdits.withBackend(lab(), BackendChoice.DIRECT_ROUTING);
        assertThat(edited.flannel().backend().options()).containsEntry("VNI", 7).containsEntry("DirectRouting", true);
        assertThat(LabEdits.choiceOf(edited)).isEqualTo(BackendChoice.DIRECT_ROUTING);
        assertThat(LabEdits.choiceOf(LabEdits.withBackend(edited, BackendChoice.VXLAN))).isEqualTo(BackendChoice.VXLAN);
    }

    @Test
    void pinnedDockerMtuSurvivesTheRoundTrip() throws Exception {
        Lab edited = LabEdits.withDockerMtu(lab(), OptionalInt.of(1400));
        Lab reread = LabLoader.parse(LabWriter.toYaml(edited), Optional.empty());
        assertThat(reread.docker().mtu()).hasValue(1400);
        assertThat(LabEdits.withDockerMtu(edited, OptionalInt.empty()).docker().mtu()).isEmpty();
    }

    /** Regenerate from the app on the seeds' lab: the file keeps its comments; only the edited values change. */
    @Test
    void theSeedsLabRegeneratedKeepsItsCommentsAndChangesOnlyTheEditedValues() throws Exception {
        String file = java.nio.file.Files.readString(java.nio.file.Path.of("..", "examples", "two-node-vbox.yaml"));
        Lab original = LabLoader.parse(file, Optional.empty());
        Lab changed = LabEdits.withDockerMtu(LabEdits.withBackend(original, BackendChoice.HOST_GW), OptionalInt.of(1400));

        String edited = LabEdits.editedText(file, original, changed);

        assertThat(edited).isEqualTo(file.replace("backend: {type: udp}", "backend: {type: host-gw}")
                .replace("mtu: flannel", "mtu: 1400"));
        assertThat(edited.lines().filter(l -> l.startsWith("#"))).hasSize(2);
        Lab reread = LabLoader.parse(edited, Optional.empty());
        assertThat(reread.flannel().backend().type()).isEqualTo("host-gw");
        assertThat(reread.docker().mtu()).hasValue(1400);
        assertThat(LabEdits.editedText(file, original, original)).as("no edit, no change").isEqualTo(file);
    }
}
