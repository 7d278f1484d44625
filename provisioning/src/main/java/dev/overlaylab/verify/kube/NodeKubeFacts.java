package dev.overlaylab.verify.kube;

import dev.overlaylab.verify.Probe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What one node's {@link NodeScript} saw: unit states and every request with its outcome. */
public record NodeKubeFacts(String node, Probe probe, Map<String, String> units, List<Attempt> attempts, Optional<String> podNetns) {

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
        for (String line : p.stdout().split("\n")) {
            String[] w = line.strip().split(" ", 4);
            if (w[0].equals("@@unit") && w.length >= 2) {
                units.put(w[1], w.length > 2 && !w[2].isBlank() ? w[2].strip() : "unknown");
            } else if (w[0].equals("@@podns") && w.length >= 2 && !w[1].equals("none")) {
                ns = Optional.of(w[1]);
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
        return new NodeKubeFacts(node, p, units, attempts, ns);
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
