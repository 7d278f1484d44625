package dev.overlaylab.verify.kube;

import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.Evidence;
import java.util.List;

/**
 * {@code <unit>-active} for a Kubernetes unit: kubelet and kube-proxy on every node, the control plane on
 * the master ({@link KubeTarget#unitsOn}). kube-proxy stopped leaves its last rules in place, so Services it already knew keep answering
 * for a while: this row says so before the ClusterIP row can.
 */
public final class UnitActiveCheck implements KubeCheck {
    private final String unit;

    public UnitActiveCheck(String unit) {
        this.unit = unit;
    }

    @Override
    public String id() {
        return unit + "-active";
    }

    @Override
    public List<CheckResult> check(KubeContext ctx) {
        String state = ctx.seen().unit(unit);
        boolean ok = state.equals("active");
        return List.of(CheckResult.of(ok, id(), ctx.node().name(), ok ? unit + " is active" : unit + " is " + state + ", not active",
                List.of(new Evidence("systemctl is-active " + unit, unit + ": " + state))).withDuration(ctx.seen().probe().took()));
    }
}
