package dev.overlaylab.diagnose.rule;

import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Excerpt;
import dev.overlaylab.diagnose.FailureMode;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.KubeEvidence;
import dev.overlaylab.diagnose.NodeObservation;
import dev.overlaylab.diagnose.Rule;
import dev.overlaylab.diagnose.UnitState;
import dev.overlaylab.model.Node;
import dev.overlaylab.verify.kube.KubeTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * #15, first cause: kube-proxy is not running on a node. Its last iptables rules stay behind, so Services it
 * already knew may still answer for a while, but nothing follows new Services or endpoints there.
 */
public final class KubeProxyDownRule implements Rule {

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        if (KubeTarget.of(ctx.lab()).isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        List<Excerpt> evidence = new ArrayList<>();
        for (Node n : ctx.lab().nodes()) {
            Optional<UnitState> unit = ctx.obs().node(n.name()).flatMap(o -> unit(o, KubeTarget.KUBE_PROXY));
            boolean down = unit.map(u -> !u.active()).orElse(ctx.failed(KubeTarget.KUBE_PROXY + "-active", n));
            if (!down) {
                continue;
            }
            names.add(n.name());
            unit.ifPresent(u -> evidence.add(new Excerpt(n.name(), "systemctl show kube-proxy", u.describe())));
            for (String id : List.of("k8s-clusterip", "k8s-nodeport")) {
                ctx.report().find(id, n.name()).filter(r -> r.failed())
                        .ifPresent(r -> evidence.add(Excerpt.line(n.name() + " " + id + " FAIL: " + r.summary())));
            }
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        String on = String.join(", ", names);
        return Optional.of(Finding.of(FailureMode.CLUSTERIP_UNREACHABLE, "kube-proxy is not running on " + on
                + ": nothing there turns ClusterIPs and NodePorts into pod addresses (its old rules linger until they go stale)",
                evidence, "on " + on + ": systemctl enable --now kube-proxy (olab up does it); journalctl -u kube-proxy says why it stopped"));
    }

    /** {@code systemctl show} of a Kubernetes unit, from the node's {@link KubeEvidence#UNITS} section. */
    static Optional<UnitState> unit(NodeObservation o, String unit) {
        var p = o.section(KubeEvidence.UNITS);
        return p.ok() ? UnitState.parseAll(p.stdout()).stream().filter(u -> u.id().equals(unit + ".service")).findFirst()
                : Optional.empty();
    }
}
