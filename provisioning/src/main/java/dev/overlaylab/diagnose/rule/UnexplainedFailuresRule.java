package dev.overlaylab.diagnose.rule;

import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.Rule;
import dev.overlaylab.model.Plural;
import dev.overlaylab.verify.CheckResult;
import java.util.List;
import java.util.Optional;

/**
 * Fallback when checks failed and no known cause matched: names the lowest layer that failed (services,
 * then the host-only network, then the overlay) with its evidence and the next thing to look at.
 */
public final class UnexplainedFailuresRule implements Rule {

    private record Layer(List<String> ids, String cause, String fix) {
    }

    private static final List<Layer> LAYERS = List.of(
            new Layer(List.of("etcd-active", "etcd-health"), "etcd is not running or not healthy",
                    "look at journalctl -u etcd -n 50 on the etcd node"),
            new Layer(List.of("flanneld-active"), "flanneld is not running",
                    "look at journalctl -u flanneld -n 50 on the node"),
            new Layer(List.of("docker-active", "verify-pod"), "docker is not running or cannot start containers",
                    "look at journalctl -u docker -n 50 on the node, and that the verify image exists (docker images)"),
            new Layer(List.of("ping-host-only"), "nodes cannot reach each other on the host-only network",
                    "check the host-only addresses and links (ip -4 addr, ip link) on both nodes"));

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        List<CheckResult> failures = ctx.report().failures();
        if (failures.isEmpty()) {
            return Optional.empty();
        }
        for (Layer layer : LAYERS) {
            List<String> lines = failures.stream().filter(f -> layer.ids().contains(f.id())).map(UnexplainedFailuresRule::line).toList();
            if (!lines.isEmpty()) {
                return Optional.of(Finding.other(layer.cause(), lines, layer.fix()));
            }
        }
        return Optional.of(Finding.other(Plural.count(failures.size(), "check") + " failed with no known cause",
                failures.stream().limit(6).map(UnexplainedFailuresRule::line).toList(),
                "read the evidence of the failed checks; journalctl -u flanneld on the nodes involved"));
    }

    private static String line(CheckResult r) {
        return r.where() + " " + r.id() + ": " + r.summary();
    }
}
