package dev.overlaylab.exec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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

    /**
     * Runs argv like {@link #run(List, Map, Duration)}, handing each line of its standard output to
     * {@code stdoutLine} as it arrives (a long child whose progress a person watches: the app's
     * privileged {@code olab up --json}). The result still carries the whole output. This default
     * hands the lines over at the end, which is all a recording test runner needs.
     */
    default ExecResult stream(List<String> argv, Map<String, String> extraEnv, Duration timeout, Consumer<String> stdoutLine) {
        ExecResult r = run(argv, extraEnv, timeout);
        r.stdout().lines().forEach(stdoutLine);
        return r;
    }

    /**
     * Runs argv on the person's own terminal (its questions asked and answered there, its output shown
     * as it comes), e.g. {@code olab setup local}, which asks before it installs; returns the exit code.
     * Not for commands whose output the program reads.
     */
    default int attached(List<String> argv, Map<String, String> extraEnv) {
        throw new UnsupportedOperationException("this runner cannot run " + argv.get(0) + " on a terminal");
    }

    /** Runs argv and throws {@link CommandFailedException} on a non-zero exit. */
    default ExecResult check(List<String> argv, Duration timeout) {
        return run(argv, Map.of(), timeout).orThrow();
    }
}
