package dev.overlaylab.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.verify.EvidenceScript.Section;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ProcessRunner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evidence script run by a real /bin/sh: each section comes back apart, with its own stdout, stderr and exit code. */
class EvidenceScriptTest {

    @Test
    void sectionsComeBackApartWithTheirOwnExitCodesEvenWithQuotesAndBackgroundJobs() {
        List<Section> sections = List.of(
                new Section("plain", "printf 'a\\nb\\n'", false),
                new Section("quoted", "echo \"it's\" 'fine'", false),
                new Section("fails", "echo out; echo err >&2; exit 3", false),
                new Section("slow", "sleep 0.3; echo late", true),
                new Section("no-newline", "printf x", false),
                new Section("empty", "true", false));
        ExecResult r = new ProcessRunner().run(List.of("sh", "-c", EvidenceScript.render(sections)), Map.of(), Duration.ofSeconds(10));

        Map<String, Probe> p = EvidenceScript.parse(sections, r, Duration.ZERO);

        assertThat(p.get("plain").stdout()).isEqualTo("a\nb\n");
        assertThat(p.get("plain").ok()).isTrue();
        assertThat(p.get("quoted").stdout()).isEqualTo("it's fine\n");
        assertThat(p.get("fails").result().exitCode()).isEqualTo(3);
        assertThat(p.get("fails").stdout()).isEqualTo("out\n");
        assertThat(p.get("fails").result().stderr()).isEqualTo("err\n");
        assertThat(p.get("slow").stdout()).isEqualTo("late\n");
        assertThat(p.get("no-newline").stdout()).isEqualTo("x");
        assertThat(p.get("empty").stdout()).isEmpty();
        assertThat(p.get("empty").ok()).isTrue();
    }

    @Test
    void aSectionOverItsLimitIsStoppedAndTheOthersStillAnswer() {
        // a wedged dockerd must cost the pod's answer only, not the whole node's read
        List<Section> sections = List.of(
                new Section("quick", "echo \"it's\" fast", true, 5),
                new Section("hung", "echo started; sleep 30; echo never", false, 1),
                new Section("after", "exit 4", false, 5),
                new Section("unbounded", "echo free", false));
        long t0 = System.nanoTime();
        ExecResult r = new ProcessRunner().run(List.of("sh", "-c", EvidenceScript.render(sections)), Map.of(), Duration.ofSeconds(20));

        Map<String, Probe> p = EvidenceScript.parse(sections, r, Duration.ZERO);

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(p.get("quick").stdout()).isEqualTo("it's fast\n");
        assertThat(p.get("hung").result().exitCode()).isEqualTo(124);
        assertThat(p.get("hung").stdout()).isEqualTo("started\n");
        assertThat(p.get("hung").result().stderr()).contains("timed out after 1 s");
        assertThat(p.get("after").result().exitCode()).isEqualTo(4);
        assertThat(p.get("after").result().stderr()).isEmpty();
        assertThat(p.get("unbounded").stdout()).isEqualTo("free\n");
    }

    @Test
    void aScriptThatNeverRanGivesEverySectionTheConnectionsError() {
        List<Section> sections = List.of(new Section("units", "systemctl show flanneld", false));
        ExecResult lost = new ExecResult(List.of("ssh"), 255, "", "connection refused");

        Probe p = EvidenceScript.parse(sections, lost, Duration.ZERO).get("units");

        assertThat(p.ok()).isFalse();
        assertThat(p.result().stderr()).contains("connection refused");
    }
}
