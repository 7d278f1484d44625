package dev.overlaylab.verify.kube;

import dev.overlaylab.verify.kube.NodeKubeFacts.Attempt;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A set of requests to one Service, summed up for people: how many answered, from which pod, and how the rest failed. */
record Answers(List<Attempt> attempts, Function<String, String> labNodeOf) {

    long answered() {
        return attempts.stream().filter(Attempt::answered).count();
    }

    boolean all() {
        return !attempts.isEmpty() && answered() == attempts.size();
    }

    /** The lab nodes whose pods answered, with how often: {@code node1 ×3, node2 ×5}. */
    Map<String, Long> byNode() {
        return attempts.stream().filter(Attempt::answered).collect(Collectors.groupingBy(
                a -> labNodeOf.apply(a.answeredBy().orElseThrow()), TreeMap::new, Collectors.counting()));
    }

    /** e.g. {@code 4 of 8 answered (node2 ×4); 4 failed: curl: (28) Connection timed out after 2001 milliseconds}. */
    String describe() {
        String from = byNode().entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "));
        StringBuilder s = new StringBuilder(answered() + " of " + attempts.size() + " answered");
        if (!from.isEmpty()) {
            s.append(" (").append(from).append(')');
        }
        long failed = attempts.size() - answered();
        if (failed > 0) {
            s.append("; ").append(failed).append(" failed: ").append(attempts.stream().filter(a -> !a.answered())
                    .map(a -> a.output().isBlank() ? "curl exit " + a.exit() : a.output()).findFirst().orElse(""));
        }
        return s.toString();
    }
}
