package dev.overlaylab.verify.check;

import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.NodeCommands;
import dev.overlaylab.verify.PingOutput;
import dev.overlaylab.verify.Probe;
import java.util.List;

/** {@code ping-host-only}: the node reaches the peer's host-only address (the network under the overlay). */
public final class HostOnlyPingCheck implements PairCheck {

    @Override
    public String id() {
        return "ping-host-only";
    }

    @Override
    public Plan plan(PairContext ctx) {
        return new Plan.Run(NodeCommands.ping(ctx.to().node().ip()));
    }

    @Override
    public CheckResult judge(PairContext ctx, Probe p) {
        String target = ctx.to().node().ip();
        boolean ok = PingOutput.ok(p.result());
        return CheckResult.of(ok, id(), ctx.from().name(), "ping " + target + ": " + PingOutput.describe(p.result()),
                List.of(p.evidence())).withPeer(ctx.to().name()).withDuration(p.took());
    }
}
