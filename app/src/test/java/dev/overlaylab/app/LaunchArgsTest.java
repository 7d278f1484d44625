package dev.overlaylab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The desktop entry's "gui %f" and a double-clicked lab open the app; every olab command stays the command line. */
class LaunchArgsTest {

    @Test
    void noArgumentsOrGuiOpenTheAppWithNoLab() {
        assertThat(LaunchArgs.parse(new String[0])).isEqualTo(new LaunchArgs(true, Optional.empty()));
        assertThat(LaunchArgs.parse(new String[] {"gui"})).isEqualTo(new LaunchArgs(true, Optional.empty()));
    }

    @Test
    void aLabFileOpensInTheApp() {
        assertThat(LaunchArgs.parse(new String[] {"gui", "/home/u/labs/my.olab.yaml"}))
                .isEqualTo(new LaunchArgs(true, Optional.of(Path.of("/home/u/labs/my.olab.yaml"))));
        assertThat(LaunchArgs.parse(new String[] {"two-node-local.yaml"}))
                .isEqualTo(new LaunchArgs(true, Optional.of(Path.of("two-node-local.yaml"))));
    }

    @Test
    void commandsStayTheCommandLine() {
        assertThat(LaunchArgs.parse(new String[] {"validate", "lab.yaml"}).gui()).isFalse();
        assertThat(LaunchArgs.parse(new String[] {"--version"}).gui()).isFalse();
        assertThat(LaunchArgs.parse(new String[] {"status"}).gui()).isFalse();
        assertThat(LaunchArgs.parse(new String[] {"gui", "a.yaml", "b.yaml"}).gui()).isFalse();
    }
}
