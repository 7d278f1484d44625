package dev.overlaylab.app.engine;

import java.util.Optional;

/**
 * One cell of the verification matrix.
 *
 * @param check    check id, e.g. {@code ping-docker0}
 * @param from     the node the check runs on
 * @param to       the peer for pair checks, empty for per-node checks
 * @param passed   green or red
 * @param evidence the command and an excerpt of its output, for people
 */
public record CheckResult(String check, String from, Optional<String> to, boolean passed, String evidence) {
}
