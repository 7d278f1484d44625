package dev.overlaylab.verify;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One cell of the verification matrix.
 *
 * @param id       check id, e.g. {@code flanneld-active} or {@code pod-ping}
 * @param node     the node the check ran on (the source node for pair checks)
 * @param peer     the other node of a pair check, empty for per-node checks
 * @param status   PASS, FAIL or SKIP
 * @param summary  one line for people: what was expected and what was seen
 * @param evidence the commands run and their output (excerpts)
 * @param duration how long the check took
 */
public record CheckResult(String id, String node, Optional<String> peer, CheckStatus status, String summary,
                          List<Evidence> evidence, Duration duration) {

    public CheckResult {
        evidence = List.copyOf(evidence);
    }

    public static CheckResult pass(String id, String node, String summary, List<Evidence> evidence) {
        return new CheckResult(id, node, Optional.empty(), CheckStatus.PASS, summary, evidence, Duration.ZERO);
    }

    public static CheckResult fail(String id, String node, String summary, List<Evidence> evidence) {
        return new CheckResult(id, node, Optional.empty(), CheckStatus.FAIL, summary, evidence, Duration.ZERO);
    }

    public static CheckResult skip(String id, String node, String summary) {
        return new CheckResult(id, node, Optional.empty(), CheckStatus.SKIP, summary, List.of(), Duration.ZERO);
    }

    public static CheckResult of(boolean ok, String id, String node, String summary, List<Evidence> evidence) {
        return ok ? pass(id, node, summary, evidence) : fail(id, node, summary, evidence);
    }

    public CheckResult withPeer(String peerName) {
        return new CheckResult(id, node, Optional.of(peerName), status, summary, evidence, duration);
    }

    public CheckResult withDuration(Duration d) {
        return new CheckResult(id, node, peer, status, summary, evidence, d);
    }

    public boolean passed() {
        return status == CheckStatus.PASS;
    }

    public boolean failed() {
        return status == CheckStatus.FAIL;
    }

    /** {@code node1} or {@code node1 → node2}. */
    public String where() {
        return peer.map(p -> node + " → " + p).orElse(node);
    }
}
