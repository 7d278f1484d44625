package dev.overlaylab.diagnose.rule;

import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Excerpt;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.Rule;
import dev.overlaylab.model.Plural;
import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one finding when checks failed and no catalogued cause fits: never a guessed id. It groups the failed
 * checks by node and by pair, quotes the first evidence of each group (the lowest failed check: the others
 * usually follow from it), and points at the lowest layer that failed.
 */
public final class UnexplainedFailuresRule implements Rule {
    private static final int EXCERPT_CHARS = 400;

    private record Layer(List<String> ids, String name, String fix) {
    }

    private static final List<Layer> LAYERS = List.of(
            new Layer(List.of("etcd-active", "etcd-health"), "etcd", "journalctl -u etcd -n 50 on the etcd node"),
            new Layer(List.of("flanneld-active", "subnet-env", "lease-public-ip"), "flanneld", "journalctl -u flanneld -n 50 on the node"),
            new Layer(List.of("docker-active", "verify-pod", "docker0-subnet", "docker0-mtu"), "docker",
                    "journalctl -u docker -n 50 on the node, and docker images for the verify image"),
            new Layer(List.of("ping-host-only"), "the host-only network", "ip -4 addr and ip link on both nodes"),
            new Layer(List.of("forward-policy", "ping-docker0", "pod-ping", "pod-http", "mtu-probe"), "the overlay",
                    "iptables -S, ip -d link show flannel.1 and ip route on the nodes of the failed pairs"));

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        List<CheckResult> failures = ctx.report().failures();
        if (failures.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<CheckResult>> byWhere = new LinkedHashMap<>();
        for (CheckResult r : failures) {
            byWhere.computeIfAbsent(r.where(), k -> new ArrayList<>()).add(r);
        }
        List<Excerpt> evidence = new ArrayList<>();
        byWhere.forEach((where, results) -> {
            CheckResult first = results.get(0);
            String ids = String.join(", ", results.stream().map(CheckResult::id).toList());
            Optional<Evidence> e = first.evidence().stream().filter(x -> !x.output().isBlank()).findFirst();
            String text = ids + " failed; " + first.id() + ": " + first.summary()
                    + e.map(x -> "\n" + cut(x.output())).orElse("");
            evidence.add(new Excerpt(where, e.map(Evidence::command).orElse(""), text));
        });
        Layer lowest = LAYERS.stream().filter(l -> failures.stream().anyMatch(f -> l.ids().contains(f.id()))).findFirst()
                .orElse(LAYERS.get(LAYERS.size() - 1));
        return Optional.of(Finding.unexplained(Plural.count(failures.size(), "check") + " failed and no known cause fits; the lowest layer failing is "
                        + lowest.name(), evidence,
                "no catalogued fix applies: read the evidence above, then " + lowest.fix()));
    }

    private static String cut(String s) {
        String t = s.strip();
        return t.length() > EXCERPT_CHARS ? t.substring(0, EXCERPT_CHARS) + " …" : t;
    }
}
