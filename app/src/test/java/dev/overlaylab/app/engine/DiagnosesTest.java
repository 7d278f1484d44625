package dev.overlaylab.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.diagnose.Excerpt;
import dev.overlaylab.diagnose.FailureMode;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.Repair;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine's findings as the Diagnose tab receives them, and where practice is offered. */
class DiagnosesTest {

    @Test
    void aFindingKeepsItsStableIdEvidenceAndHowItCanBeFixed() {
        Finding forced = Finding.of(FailureMode.FORWARD_DROP, "FORWARD drops the pod network",
                List.of(new Excerpt("node1", "iptables -S FORWARD", "-A FORWARD -s 10.1.0.0/16 -j DROP")), "remove it")
                .withRepair(Repair.force(Map.of("node1", List.of("iptables -D FORWARD -s 10.1.0.0/16 -j DROP"))));
        Diagnosis.Item item = Diagnoses.item(forced);
        assertThat(item.id()).isEqualTo("forward-drop");
        assertThat(item.evidence()).containsExactly(new Diagnosis.Excerpt("node1", "iptables -S FORWARD",
                "-A FORWARD -s 10.1.0.0/16 -j DROP"));
        assertThat(item.repair()).isEqualTo(Diagnosis.Repair.FORCE);
        assertThat(item.commands()).containsExactly("node1: iptables -D FORWARD -s 10.1.0.0/16 -j DROP");

        assertThat(Diagnoses.item(Finding.of(FailureMode.FLANNELD_DOWN, "down", List.of(), "start it")).repair())
                .isEqualTo(Diagnosis.Repair.FIX);
        Diagnosis.Item unexplained = Diagnoses.item(Finding.unexplained("6 checks failed", List.of(Excerpt.line("node1: ping")), "look"));
        assertThat(unexplained.id()).isEqualTo("unexplained");
        assertThat(unexplained.repair()).isEqualTo(Diagnosis.Repair.PERSON);
    }

    @Test
    void practiceIsOfferedOnLocalLabsOnlyAndSaysWhyInPlainWords() throws Exception {
        assertThat(EngineDiagnosis.practiceUnavailable(lab("local", "debian-12-nspawn"))).isEmpty();
        Optional<String> hosts = EngineDiagnosis.practiceUnavailable(lab("hosts", "debian-12"));
        assertThat(hosts).hasValueSatisfying(r -> assertThat(r).contains("only for labs that run on this computer", "your own machines")
                .doesNotContain("olab", "provider:", "/"));
    }

    private static Lab lab(String provider, String profile) throws Exception {
        return LabLoader.parse("""
                name: olg-diag
                provider: %s
                profile: %s
                network: {cidr: 192.168.56.0/24}
                nodes:
                  - {name: master, ip: 192.168.56.101}
                  - {name: node1, ip: 192.168.56.102}
                """.formatted(provider, profile), Optional.empty());
    }
}
