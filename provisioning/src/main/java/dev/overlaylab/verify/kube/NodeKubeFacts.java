package dev.overlaylab.verify.kube;

import dev.overlaylab.verify.Probe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one node's {@link NodeScript} saw: unit states, whether kube-proxy's rules led to the Services' endpoints before the
 * requests, and every request with its outcome.
 */
public record NodeKubeFacts(String node, Probe probe, Map<String, String> units, List<Attempt> attempts, Optional<String> podNetns,
                            Optional<RulesWait> rules) {

    /**
     * How many of the Services' endpoints the node's rules still missed when the requests began, after how long a
     * wait, and whether the running kube-proxy had written those rules itself ({@code synced}) or they were still its
     * predecessor's.
     */
    public record RulesWait(int missing, int of, int waitedTenths, boolean synced) {
        /** For evidence: what a person reading a failed Service row should know. */
        public String describe() {
            String after = String.format(java.util.Locale.ROOT, "%.1f s", waitedTenths / 10.0);
            String rules = missing == 0 ? "kube-proxy's rules led to all " + of + " expected endpoints (waited " + after + ")"
                    : "kube-proxy's rules still missed " + missing + " of " + of + " expected endpoints after " + after;
            return synced ? rules : rules + "; the running kube-proxy had not yet written rules of its own (no sync in its metrics)";
        }
    }

    /**
     * One request.
     *
     * @param kind   {@code clusterip}, {@code nodeport} or {@code pod}
     * @param target the address asked
     * @param exit   curl's exit code (28: timed out, 7: refused or unreachable)
     * @param output the page, or curl's error
     */
    public record Attempt(String kind, String target, int exit, String output) {
        public boolean answered() {
            return exit == 0 && output.startsWith(VerifyWorkload.BODY_PREFIX);
        }

        /** The Kubernetes node whose pod answered, when one did. */
        public Optional<String> answeredBy() {
            return answered() ? Optional.of(output.substring(VerifyWorkload.BODY_PREFIX.length()).strip()) : Optional.empty();
        }
    }

    public NodeKubeFacts {
        units = Map.copyOf(units);
        attempts = List.copyOf(attempts);
    }

    public static NodeKubeFacts parse(String node, Probe p) {
        Map<String, String> units = new LinkedHashMap<>();
        List<Attempt> attempts = new ArrayList<>();
        Optional<String> ns = Optional.empty();
        Optional<RulesWait> rules = Optional.empty();
        for (String line : p.stdout().split("\n")) {
            String[] w = line.strip().split(" ", 4);
            if (w[0].equals("@@unit") && w.length >= 2) {
                units.put(w[1], w.length > 2 && !w[2].isBlank() ? w[2].strip() : "unknown");
            } else if (w[0].equals("@@podns") && w.length >= 2 && !w[1].equals("none")) {
                ns = Optional.of(w[1]);
            } else if (w[0].equals("@@proxyrules") && w.length >= 4) {
                try {
                    String[] v = line.strip().split(" ");
                    rules = Optional.of(new RulesWait(Integer.parseInt(v[1]), Integer.parseInt(v[2]), Integer.parseInt(v[3]),
                            v.length < 5 || v[4].equals("1")));
                } catch (NumberFormatException e) {
                    // a cut line: no wait to report
                }
            } else if (w[0].startsWith("@@") && w.length >= 3) {
                int exit;
                try {
                    exit = Integer.parseInt(w[2]);
                } catch (NumberFormatException e) {
                    continue;
                }
                attempts.add(new Attempt(w[0].substring(2), w[1], exit, w.length > 3 ? w[3].strip() : ""));
            }
        }
        return new NodeKubeFacts(node, p, units, attempts, ns, rules);
    }

    public List<Attempt> of(String kind) {
        return attempts.stream().filter(a -> a.kind().equals(kind)).toList();
    }

    public List<Attempt> of(String kind, String target) {
        return attempts.stream().filter(a -> a.kind().equals(kind) && a.target().equals(target)).toList();
    }

    public String unit(String name) {
        return units.getOrDefault(name, "unknown");
    }
}
