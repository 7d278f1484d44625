package dev.overlaylab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnifiedDiffTest {
    @TempDir
    Path tmp;

    @Test
    void equalTextsHaveNoDiff() {
        assertThat(UnifiedDiff.diff("a", "x\ny\n", "b", "x\ny\n")).isEmpty();
    }

    @Test
    void changedLineShowsAsMinusPlusWithContext() {
        String old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
        String now = "1\n2\n3\n4\n5\nsix\n7\n8\n9\n10\n";
        assertThat(UnifiedDiff.diff("live", old, "rendered", now)).isEqualTo("""
                --- live
                +++ rendered
                @@ -3,7 +3,7 @@
                 3
                 4
                 5
                -6
                +six
                 7
                 8
                 9
                """);
    }

    @Test
    void missingFileDiffsFromEmpty() {
        assertThat(UnifiedDiff.diff("/dev/null", "", "new", "a\nb\n")).isEqualTo("--- /dev/null\n+++ new\n@@ -0,0 +1,2 @@\n+a\n+b\n");
    }

    /** The output is what GNU diff -u prints, so patch(1) and people read it the same way. */
    @Test
    void matchesGnuDiffOnScatteredChanges() throws Exception {
        Path diff = Path.of("/usr/bin/diff");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(diff), "GNU diff not installed");
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            a.append("line ").append(i).append('\n');
            if (i % 17 == 5) {
                b.append("changed ").append(i).append('\n');
            } else if (i % 23 != 7) {
                b.append("line ").append(i).append('\n');
            }
            if (i == 40) {
                b.append("inserted\n");
            }
        }
        b.append("tail without newline");
        Path fa = Files.writeString(tmp.resolve("a"), a);
        Path fb = Files.writeString(tmp.resolve("b"), b);
        Process p = new ProcessBuilder(List.of(diff.toString(), "-u", "--label", "old", "--label", "new", fa.toString(), fb.toString()))
                .redirectErrorStream(true).start();
        String gnu = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(UnifiedDiff.diff("old", a.toString(), "new", b.toString())).isEqualTo(gnu);
    }
}
