package dev.overlaylab.verify.kube;

import dev.overlaylab.model.Cidr;
import dev.overlaylab.verify.CheckResult;
import java.util.List;
import java.util.Optional;

/**
 * {@code k8s-pod}: the verify DaemonSet's pod on this node is running and ready, and its address lies in the
 * node's own flannel subnet (FLANNEL_SUBNET of its subnet.env) — pods got their address from flannel's lease,
 * not from some default bridge range.
 */
public final class PodSubnetCheck implements KubeCheck {

    @Override
    public String id() {
        return "k8s-pod";
    }

    @Override
    public List<CheckResult> check(KubeContext ctx) {
        String n = ctx.node().name();
        var ev = List.of(ctx.cluster().probe().evidence());
        Optional<ClusterFacts.KubePod> pod = ctx.pod();
        if (pod.isEmpty()) {
            return List.of(CheckResult.fail(id(), n, "no " + VerifyWorkload.DAEMONSET + " pod on " + n
                    + (ctx.kubeNode().isEmpty() ? " (the node is not registered)" : ""), ev));
        }
        ClusterFacts.KubePod p = pod.get();
        if (!"Running".equals(p.phase()) || !p.ready() || p.ip().isEmpty()) {
            return List.of(CheckResult.fail(id(), n, "pod " + p.name() + " is " + p.phase() + (p.ready() ? "" : ", not ready")
                    + (p.ip().isEmpty() ? ", no address" : " at " + p.ip()), ev));
        }
        Optional<Cidr> subnet = ctx.facts().flatMap(f -> f.parsedSubnetEnv()).flatMap(e -> e.subnet()).map(Cidr::normalized);
        if (subnet.isEmpty()) {
            return List.of(CheckResult.fail(id(), n, "pod " + p.ip() + ", but " + n + " has no readable subnet.env to compare with", ev));
        }
        boolean inside = subnet.get().contains(p.ip());
        return List.of(CheckResult.of(inside, id(), n, "pod " + p.ip() + (inside ? " inside " : " outside ") + n
                + "'s flannel subnet " + subnet.get(), ev));
    }
}
