package dev.overlaylab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LabFileEditTest {

    private static String seedsLab() throws Exception {
        return Files.readString(Path.of("..", "examples", "two-node-vbox.yaml"));
    }

    @Test
    void backendSwitchOnTheSeedsLabChangesOnlyThatValueAndKeepsComments() throws Exception {
        String before = seedsLab();
        String after = LabFileEdit.of(before).backend(new FlannelSettings.Backend("host-gw", Map.of())).text();

        assertThat(after).isEqualTo(before.replace("backend: {type: udp}", "backend: {type: host-gw}"));
        assertThat(after).startsWith("# The seeds' lab (seed 000)");
        assertThat(LabLoader.parse(after, Optional.empty()).flannel().backend().type()).isEqualTo("host-gw");
    }

    @Test
    void optionsAreWrittenInFlowStyleWithYamlQuoting() throws Exception {
        String after = LabFileEdit.of(seedsLab())
                .backend(new FlannelSettings.Backend("vxlan", Map.of("VNI", 1, "DirectRouting", true))).text();

        assertThat(after).contains("backend: {type: vxlan, DirectRouting: true, VNI: 1}");
        FlannelSettings.Backend b = LabLoader.parse(after, Optional.empty()).flannel().backend();
        assertThat(b.options()).containsEntry("DirectRouting", true);
    }

    @Test
    void aBlockMappingIsReplacedWithoutEatingTheCommentsAfterIt() {
        String before = """
                flannel:
                  backend:
                    type: vxlan   # the default
                    VNI: 1
                  # kept: a comment between the backend and the next key
                  ipMasq: false
                """;
        String after = LabFileEdit.of(before).set(List.of("flannel", "backend"), "{type: udp}").text();

        assertThat(after).isEqualTo("""
                flannel:
                  backend:
                    {type: udp}
                  # kept: a comment between the backend and the next key
                  ipMasq: false
                """);
    }

    @Test
    void aMissingKeyIsAddedBesideItsSiblingsAndAMissingSectionAtTheEnd() {
        String before = """
                name: lab   # mine
                flannel:
                    version: 0.28.9
                """;
        String withIface = LabFileEdit.of(before).set(List.of("flannel", "iface"), "host0").text();
        assertThat(withIface).isEqualTo("""
                name: lab   # mine
                flannel:
                    version: 0.28.9
                    iface: host0
                """);

        String withMtu = LabFileEdit.of(before).dockerMtu(OptionalInt.of(1400)).text();
        assertThat(withMtu).isEqualTo(before + "docker:\n  mtu: 1400\n");
    }

    @Test
    void aPathThroughAScalarIsRefused() {
        assertThatThrownBy(() -> LabFileEdit.of("name: lab\n").set(List.of("name", "x"), "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name is not a mapping");
    }
}
