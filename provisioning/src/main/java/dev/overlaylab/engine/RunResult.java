package dev.overlaylab.engine;

import dev.overlaylab.model.Plural;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of a pipeline run.
 *
 * @param failures  empty when the run succeeded; otherwise every failure of the stage that stopped it
 * @param changed   steps that changed something
 * @param unchanged steps that found the node already right
 * @param restarts  services restarted or started, as {@code node: unit}
 * @param took      wall time of the run
 */
public record RunResult(List<Failure> failures, int changed, int unchanged, List<String> restarts, Duration took) {

    public RunResult {
        failures = List.copyOf(failures);
        restarts = List.copyOf(restarts);
    }

    public boolean ok() {
        return failures.isEmpty();
    }

    /** One line for the end of a run, e.g. {@code ok: 3 changed, 41 unchanged, 2 restarts in 4.2 s}. */
    public String summary() {
        String head = ok() ? "ok" : "FAILED (" + Plural.count(failures.size(), "failure") + ")";
        return String.format(java.util.Locale.ROOT, "%s: %d changed, %d unchanged, %s in %.1f s",
                head, changed, unchanged, Plural.count(restarts.size(), "restart"), took.toMillis() / 1000.0);
    }
}
