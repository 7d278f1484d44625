package dev.overlaylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.diagnose.Observer;
import dev.overlaylab.diagnose.VerifyAndDiagnose;
import dev.overlaylab.diagnose.VerifyAndDiagnose.Outcome;
import dev.overlaylab.diagnose.Diagnoser;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.verify.FakeLab;
import dev.overlaylab.verify.Verifier;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VerifyPrinterTest {

    private static Outcome run(FakeLab f) {
        return new VerifyAndDiagnose(new Verifier(), new Observer(Path.of("/nonexistent")), new Diagnoser())
                .run(f.lab(), f.access(), ProgressListener.NONE);
    }

    private static String text(FakeLab f) {
        StringWriter sw = new StringWriter();
        VerifyPrinter.text(new PrintWriter(sw), f.lab(), run(f));
        return sw.toString();
    }

    @Test
    void healthyMatrixShowsEveryCellPassingAndNoDiagnosis() {
        String out = text(FakeLab.healthy());

        assertThat(out).contains("ALL PASS")
                .containsPattern("per node\\s+node1\\s+node2")
                .containsPattern("  etcd-active\\s+PASS\\s+-")
                .containsPattern("per pair\\s+node1→node2\\s+node2→node1")
                .containsPattern("  pod-http\\s+PASS\\s+PASS")
                .doesNotContain("FAIL", "Diagnosis");
    }

    @Test
    void failedMatrixShowsEvidenceThenTheCauseAndFix() {
        String out = text(FakeLab.healthy().forwardDrop());

        assertThat(out).containsPattern("  forward-policy\\s+PASS\\s+FAIL")
                .contains("  node2 forward-policy: FORWARD policy DROP and no ACCEPT rule for 10.1.0.0/16",
                        "      $ iptables -S FORWARD && { iptables -S FLANNEL-FWD 2>/dev/null || true; }",
                        "      -P FORWARD DROP",
                        "Diagnosis:",
                        "  [forward-drop] the FORWARD chain drops overlay traffic",
                        "    fix: let flanneld add its rules",
                        "    olab diagnose --fix applies it (runs up: the lab made this)");
    }

    @Test
    void jsonCarriesChecksLeasesAndFindings() {
        FakeLab f = FakeLab.healthy().mtuMismatch();
        String json = VerifyPrinter.json(f.lab(), run(f));

        assertThat(json).startsWith("{\"lab\":\"olv-test\",\"passed\":false,")
                .contains("{\"id\":\"docker0-mtu\",\"node\":\"node2\",\"peer\":null,\"status\":\"FAIL\",\"summary\":\"docker0 MTU 1500 > FLANNEL_MTU 1450\"")
                .contains("{\"subnet\":\"10.1.35.0/24\",\"publicIp\":\"192.168.57.11\",\"backendType\":\"vxlan\"}")
                .contains("\"findings\":[{\"id\":\"mtu-mismatch\",\"failureMode\":2,\"cause\":\"docker0's MTU is larger than the overlay's\"")
                .contains("\"evidence\":[{\"node\":\"\",\"command\":\"\",\"excerpt\":\"node2 docker0-mtu FAIL: docker0 MTU 1500 > FLANNEL_MTU 1450\"}]")
                .contains("\"fixable\":true,\"repair\":\"engine\"}]");
    }
}
