package dev.overlaylab.exec;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The one way Overlay Lab runs a local external command (VBoxManage, nsenter, ip, debootstrap...).
 * Implementations set {@code LANG=C} so output can be parsed; tests substitute a recording runner.
 */
public interface ExecRunner {

    /** Runs argv and returns its result whatever the exit code. Never throws for a non-zero exit. */
    ExecResult run(List<String> argv, Map<String, String> extraEnv, Duration timeout);

    default ExecResult run(List<String> argv, Duration timeout) {
        return run(argv, Map.of(), timeout);
    }

    /** Runs argv and throws {@link CommandFailedException} on a non-zero exit. */
    default ExecResult check(List<String> argv, Duration timeout) {
        return run(argv, Map.of(), timeout).orThrow();
    }
}
