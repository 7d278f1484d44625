package dev.overlaylab.verify;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.ssh.NodeShell;
import java.time.Duration;

/**
 * One command run on a node during verification, with its result and how long it took. Exceptions from the
 * shell (connection lost) become a failed result so one broken node never aborts the whole matrix.
 */
public record Probe(String command, ExecResult result, Duration took) {

    public static Probe run(NodeShell shell, String command, Duration timeout) {
        long t0 = System.nanoTime();
        ExecResult r;
        try {
            r = shell.exec(command, timeout);
        } catch (RuntimeException e) {
            r = new ExecResult(java.util.List.of("sh", "-c", command), 255, "",
                    "could not run on " + shell.nodeName() + ": " + e.getMessage());
        }
        return new Probe(command, r, Duration.ofNanos(System.nanoTime() - t0));
    }

    public boolean ok() {
        return result.ok();
    }

    public String stdout() {
        return result.stdout();
    }

    public Evidence evidence() {
        return Evidence.of(command, result);
    }
}
