package dev.overlaylab.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.exec.CommandFailedException;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.testsupport.ExecOnlyShell;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodImageTest {

    /** Answers every command with {@code exit} and {@code stdout}; records them all. */
    static final class ScriptedShell extends ExecOnlyShell {
        final List<String> commands = new ArrayList<>();
        final int exit;
        final String stdout;

        ScriptedShell(int exit, String stdout) {
            super("worker1");
            this.exit = exit;
            this.stdout = stdout;
        }

        @Override
        public ExecResult exec(String command, Duration timeout) {
            commands.add(command);
            return new ExecResult(List.of("sh", "-c", command), exit, stdout, exit == 0 ? "" : "docker: Error response from daemon");
        }
    }

    @Test
    void oneExecAsksMakesAndSaysWhichHappened() {
        ScriptedShell present = new ScriptedShell(0, "present\n");
        assertThat(PodImage.ensure(present)).isFalse();
        assertThat(present.commands).singleElement().satisfies(c -> assertThat(c)
                .startsWith("if docker image inspect olab/busybox >/dev/null 2>&1; then echo present; exit 0; fi")
                .contains("test -x /bin/busybox || { echo no-busybox; exit 0; }")
                .contains("cp /bin/busybox").contains("docker import").contains("- olab/busybox >/dev/null) && echo made")
                .contains(" ping ").contains(" httpd ").contains(" timeout "));

        assertThat(PodImage.ensure(new ScriptedShell(0, "made\n"))).isTrue();
        assertThat(PodImage.make(new ScriptedShell(0, "no-busybox\n"), "olab/busybox")).isEqualTo(PodImage.Outcome.NO_BUSYBOX);
    }

    @Test
    void aMissingBusyboxOrAFailedImportNamesTheNodeAndThePackage() {
        assertThatThrownBy(() -> PodImage.ensure(new ScriptedShell(1, ""))).isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("worker1").hasMessageContaining("busybox-static");
        assertThatThrownBy(() -> PodImage.ensure(new ScriptedShell(0, "no-busybox\n"))).isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("worker1").hasMessageContaining("busybox-static");
    }

    @Test
    void theScriptRunsInAShell() throws Exception {
        // the script's own syntax, checked by a real sh (nothing runs: -n)
        Process p = new ProcessBuilder("sh", "-n", "-c", PodImage.makeScript("olab/busybox")).redirectErrorStream(true).start();
        assertThat(new String(p.getInputStream().readAllBytes())).isEmpty();
        assertThat(p.waitFor()).isZero();
    }
}
