package dev.overlaylab.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.exec.CommandFailedException;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.testsupport.ExecOnlyShell;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class PodImageTest {

    /** Answers commands matching {@code succeeds} with exit 0, others with 1; records them all. */
    static final class ScriptedShell extends ExecOnlyShell {
        final List<String> commands = new ArrayList<>();
        final Predicate<String> succeeds;

        ScriptedShell(Predicate<String> succeeds) {
            super("worker1");
            this.succeeds = succeeds;
        }

        @Override
        public ExecResult exec(String command, Duration timeout) {
            commands.add(command);
            return new ExecResult(List.of("sh", "-c", command), succeeds.test(command) ? 0 : 1, "", "no such image");
        }
    }

    @Test
    void existingImageIsLeftAlone() {
        ScriptedShell node = new ScriptedShell(c -> true);
        assertThat(PodImage.ensure(node)).isFalse();
        assertThat(node.commands).containsExactly("docker image inspect olab/busybox >/dev/null 2>&1");
    }

    @Test
    void missingImageIsImportedFromBusybox() {
        ScriptedShell node = new ScriptedShell(c -> !c.startsWith("docker image inspect"));
        assertThat(PodImage.ensure(node)).isTrue();
        assertThat(node.commands).hasSize(2);
        assertThat(node.commands.get(1)).contains("cp /bin/busybox").contains("docker import").endsWith("- olab/busybox >/dev/null")
                .contains(" ping ").contains(" httpd ").contains(" timeout ");
    }

    @Test
    void failedImportNamesTheNodeAndThePackage() {
        ScriptedShell node = new ScriptedShell(c -> false);
        assertThatThrownBy(() -> PodImage.ensure(node)).isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("worker1").hasMessageContaining("busybox-static");
    }
}
