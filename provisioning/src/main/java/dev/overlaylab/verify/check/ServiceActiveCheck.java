package dev.overlaylab.verify.check;

import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.Evidence;
import java.util.List;

/** {@code <unit>-active}: systemd reports the unit active (etcd only on etcd nodes). */
public final class ServiceActiveCheck implements NodeCheck {
    private final String unit;

    public ServiceActiveCheck(String unit) {
        this.unit = unit;
    }

    @Override
    public String id() {
        return unit + "-active";
    }

    @Override
    public boolean appliesTo(NodeContext ctx) {
        return !unit.equals("etcd") || ctx.facts().etcdNode();
    }

    @Override
    public CheckResult check(NodeContext ctx) {
        String state = ctx.facts().serviceStates().getOrDefault(unit, "unknown");
        Evidence ev = new Evidence(ctx.facts().services().command(), unit + ": " + state
                + (ctx.facts().services().result().stderr().isBlank() ? "" : "\n" + ctx.facts().services().result().stderr().strip()));
        boolean ok = state.equals("active");
        return CheckResult.of(ok, id(), ctx.node(), ok ? unit + " is active" : unit + " is " + state + ", not active", List.of(ev))
                .withDuration(ctx.facts().services().took());
    }
}
