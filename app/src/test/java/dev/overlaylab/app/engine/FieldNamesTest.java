package dev.overlaylab.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.model.LabFileException;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Problem;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 12 item 9: the validator's problems (real ones, from a bad lab) in the screens' words, no field paths. */
class FieldNamesTest {

    @Test
    void knownPathsHaveTheScreensNames() {
        assertThat(FieldNames.of("flannel.network")).isEqualTo("Flannel network");
        assertThat(FieldNames.of("flannel.backend.VNI")).isEqualTo("VNI");
        assertThat(FieldNames.of("flannel.backend.Unknown")).isEqualTo("Backend");
        assertThat(FieldNames.of("nodes[1].ip")).isEqualTo("Node 2's host-only address");
        assertThat(FieldNames.of("nodes[0]")).isEqualTo("Node 1");
        assertThat(FieldNames.of("nodes[2].ssh.port")).isEqualTo("Node 3's SSH port");
        assertThat(FieldNames.of("(lab)")).isEmpty();
        assertThat(FieldNames.of("somethingNew.deep")).isEqualTo("deep");
    }

    @Test
    void aBadLabsProblemsReadAsWordsInTheWizard() {
        List<Problem> problems;
        try {
            LabLoader.parse("""
                    name: ap-bad
                    provider: local
                    profile: debian-12-nspawn
                    network: {cidr: 192.168.88.0/24}
                    nodes:
                      - {name: master, ip: 192.168.88.101}
                      - {name: node1, ip: 192.168.99.102}
                    flannel:
                      network: 192.168.0.0/16
                      subnetLen: 30
                      backend: {type: vxlan, VNI: 99999999}
                    """, Optional.empty());
            throw new AssertionError("the lab should not validate");
        } catch (LabFileException e) {
            problems = e.problems();
        }
        assertThat(problems).hasSizeGreaterThanOrEqualTo(3);
        for (Problem p : problems) {
            String line = FieldNames.line(p, false);
            assertThat(line).as(p.toString()).doesNotContainPattern("^[a-z]+(\\.|\\[)").doesNotContain("seed", p.path() + ":");
        }
        assertThat(problems.stream().map(p -> FieldNames.line(p, false)))
                .anyMatch(l -> l.startsWith("Flannel network: ") || l.startsWith("Subnet length: "))
                .anyMatch(l -> l.startsWith("Node 2's host-only address: "));
    }
}
