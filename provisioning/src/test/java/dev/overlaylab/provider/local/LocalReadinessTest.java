package dev.overlaylab.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.provider.Readiness;
import dev.overlaylab.provider.Readiness.Fact;
import dev.overlaylab.provider.Readiness.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code olab doctor}'s local facts from a fake host: root or not, programs on PATH, the caches. */
class LocalReadinessTest {
    @TempDir
    Path tmp;

    private Readiness check(boolean root, Set<String> installed) {
        RootfsCache rootfs = new RootfsCache((argv, env, t) -> new ExecResult(argv, 0, "", ""), tmp.resolve("cache"),
                RootfsSpec.DEFAULT);
        return new LocalReadiness(() -> true, () -> root,
                name -> installed.contains(name) ? Optional.of(Path.of("/usr/bin", name)) : Optional.empty(),
                rootfs, tmp.resolve("cache"), tmp.resolve("cgroup")).check();
    }

    private static Fact fact(Readiness r, String name) {
        return r.facts().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aFreshRootMachineWithThePackagesIsReadyAndSaysWhatTheFirstUpWillDo() throws IOException {
        Files.createDirectories(tmp.resolve("cgroup"));
        Files.createFile(tmp.resolve("cgroup/cgroup.controllers"));

        Readiness r = check(true, Set.of("systemd-nspawn", "debootstrap"));

        assertThat(r.ready()).isTrue();
        assertThat(fact(r, "cgroup version").detail()).isEqualTo("v2 (unified)");
        assertThat(fact(r, "node image").level()).isEqualTo(Level.WARN);
        assertThat(fact(r, "flanneld binary").level()).isEqualTo(Level.WARN);
    }

    @Test
    void notRootAndNoNspawnFailWithTheirFixes() {
        Readiness r = check(false, Set.of());

        assertThat(r.ready()).isFalse();
        assertThat(r.failures()).extracting(Fact::name).containsExactly("root", "systemd-nspawn", "debootstrap");
        assertThat(fact(r, "systemd-nspawn").fix()).isEqualTo("sudo apt-get install systemd-container");
        assertThat(fact(r, "cgroup version").level()).isEqualTo(Level.WARN);
    }

    @Test
    void aCachedFlanneldIsNamed() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("cache/flannel")).resolve("flanneld-v0.28.9");
        Files.writeString(bin, "#!/bin/sh\n");
        bin.toFile().setExecutable(true);

        assertThat(fact(check(true, Set.of("systemd-nspawn", "debootstrap")), "flanneld binary").detail())
                .startsWith("flanneld-v0.28.9 in ");
    }
}
