package dev.overlaylab.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Prerequisites of integration tests (root, a program on PATH). Where one is missing the test is
 * skipped with the reason, except when {@code OLAB_REQUIRE_INTEGRATION=1} (CI): then it fails, so a
 * missing install step in CI can never hide behind a skip.
 */
public final class Prereq {
    private Prereq() {
    }

    public static boolean required() {
        return "1".equals(System.getenv("OLAB_REQUIRE_INTEGRATION"));
    }

    /** Skips (or, in CI, fails) the calling test unless {@code condition} holds. */
    public static void require(boolean condition, String reason) {
        if (condition) {
            return;
        }
        if (required()) {
            Assertions.fail("integration prerequisite missing (OLAB_REQUIRE_INTEGRATION=1): " + reason);
        }
        Assumptions.abort("skipped: " + reason);
    }

    public static void requireRoot() {
        require("root".equals(System.getProperty("user.name")), "needs root (namespaces, nspawn, iptables)");
    }

    /** Requires an executable on PATH (or at an absolute path) and returns its path. */
    public static Path requireProgram(String name) {
        Path found = which(name);
        require(found != null, "needs '" + name + "' (install its Debian package)");
        return found;
    }

    public static Path which(String name) {
        if (name.startsWith("/")) {
            Path p = Path.of(name);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
