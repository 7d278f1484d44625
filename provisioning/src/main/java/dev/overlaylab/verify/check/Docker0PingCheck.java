package dev.overlaylab.verify.check;

import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.NodeCommands;
import dev.overlaylab.verify.PingOutput;
import dev.overlaylab.verify.Probe;
import java.util.List;
import java.util.Optional;

/** {@code ping-docker0}: the node reaches the peer's docker0 address through the overlay. */
public final class Docker0PingCheck implements PairCheck {

    @Override
    public String id() {
        return "ping-docker0";
    }

    @Override
    public Plan plan(PairContext ctx) {
        var docker0 = ctx.to().docker0();
        if (docker0.isEmpty()) {
            return new Plan.Skip(skip(ctx, ctx.to().name() + " has no docker0 address"));
        }
        String target = docker0.get().ip();
        Optional<String> why = ctx.whyNotOverlayTarget("docker0", target);
        if (why.isPresent()) {
            return new Plan.Skip(skip(ctx, why.get()));
        }
        return new Plan.Run(NodeCommands.ping(target));
    }

    @Override
    public CheckResult judge(PairContext ctx, Probe p) {
        String target = ctx.to().docker0().orElseThrow().ip();
        boolean ok = PingOutput.ok(p.result());
        return CheckResult.of(ok, id(), ctx.from().name(), "ping " + target + " (docker0): " + PingOutput.describe(p.result()),
                List.of(p.evidence())).withPeer(ctx.to().name()).withDuration(p.took());
    }
}
