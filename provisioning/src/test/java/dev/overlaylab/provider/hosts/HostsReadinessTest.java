package dev.overlaylab.provider.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.provider.Readiness;
import dev.overlaylab.provider.Readiness.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostsReadinessTest {
    @TempDir
    Path tmp;

    @Test
    void readyWithoutOpenSshOrKeysAndSaysWhy() {
        Readiness r = new HostsReadiness(tmp.resolve("data/overlay-lab"), tmp.resolve(".ssh"), n -> Optional.empty()).check();

        assertThat(r.ready()).isTrue();
        assertThat(r.facts()).extracting(f -> f.name() + " " + f.level()).containsExactly("SSH client OK",
                "lab keys and known hosts OK", "OpenSSH client WARN", "your SSH keys OK");
        assertThat(r.facts().get(3).detail()).contains("asks each host's password once");
    }

    @Test
    void anUnwritableDataFolderFails() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");

        Readiness r = new HostsReadiness(file.resolve("overlay-lab"), tmp, n -> Optional.of(Path.of("/usr/bin/ssh"))).check();

        assertThat(r.ready()).isFalse();
        assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.level()).isEqualTo(Level.FAIL));
    }
}
