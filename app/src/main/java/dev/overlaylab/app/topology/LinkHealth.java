package dev.overlaylab.app.topology;

import dev.overlaylab.app.engine.CheckResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the last verification said about one node's two links in the picture: its host-only line
 * (the {@code ping-host-only} checks from or to it) and its overlay line (every other check that
 * ran on it or towards it). A link nobody checked stays {@link State#UNKNOWN} and keeps its theme colour.
 *
 * @param failed the checks that failed on or towards this node
 */
public record LinkHealth(State hostOnly, State overlay, int passed, List<CheckResult> failed) {
    public enum State { UNKNOWN, PASSED, FAILED }

    static final String HOST_ONLY_CHECK = "ping-host-only";
    public static final LinkHealth UNKNOWN = new LinkHealth(State.UNKNOWN, State.UNKNOWN, 0, List.of());

    public LinkHealth {
        failed = List.copyOf(failed);
    }

    /** Every node's health from one verification's cells (skipped cells say nothing). */
    public static Map<String, LinkHealth> of(List<String> nodes, List<CheckResult> checks) {
        Map<String, LinkHealth> out = new LinkedHashMap<>();
        for (String node : nodes) {
            State hostOnly = State.UNKNOWN;
            State overlay = State.UNKNOWN;
            int passed = 0;
            List<CheckResult> failed = new ArrayList<>();
            for (CheckResult c : checks) {
                boolean involved = c.from().equals(node) || c.to().map(node::equals).orElse(false);
                if (!involved || c.skipped()) {
                    continue;
                }
                State s = c.passed() ? State.PASSED : State.FAILED;
                if (c.check().equals(HOST_ONLY_CHECK)) {
                    hostOnly = worse(hostOnly, s);
                } else {
                    overlay = worse(overlay, s);
                }
                if (c.passed()) {
                    passed++;
                } else {
                    failed.add(c);
                }
            }
            out.put(node, new LinkHealth(hostOnly, overlay, passed, failed));
        }
        return out;
    }

    private static State worse(State a, State b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** The scene's colour key for a link: the verification's colour when known, else the link's own. */
    static String colour(State s, String own) {
        return switch (s) {
            case UNKNOWN -> own;
            case PASSED -> "link.passed";
            case FAILED -> "link.failed";
        };
    }
}
