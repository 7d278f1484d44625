package dev.overlaylab.app.engine;

import java.util.Optional;

/**
 * One cell of the verification matrix, as the app shows it.
 *
 * @param check    check id, e.g. {@code ping-docker0}
 * @param from     the node the check runs on
 * @param to       the peer for pair checks, empty for per-node checks
 * @param passed   green (false and not skipped: red)
 * @param skipped  not run: switched off in the lab file, or a prerequisite already failed
 * @param evidence what was expected and seen, then the commands and an excerpt of their output
 */
public record CheckResult(String check, String from, Optional<String> to, boolean passed, boolean skipped, String evidence) {

    public CheckResult(String check, String from, Optional<String> to, boolean passed, String evidence) {
        this(check, from, to, passed, false, evidence);
    }

    public boolean failed() {
        return !passed && !skipped;
    }
}
