package dev.overlaylab.verify.check;

import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.NodeCommands;
import dev.overlaylab.verify.PingOutput;
import dev.overlaylab.verify.Probe;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code mtu-probe}: a do-not-fragment ping of exactly FLANNEL_MTU bytes from the source pod's network
 * namespace to the peer pod: full-size overlay packets get through without fragmentation.
 */
public final class MtuProbeCheck implements PairCheck {

    @Override
    public String id() {
        return "mtu-probe";
    }

    @Override
    public Plan plan(PairContext ctx) {
        if (!ctx.lab().verify().mtuProbe()) {
            return new Plan.Skip(skip(ctx, "switched off (verify.mtuProbe: false)"));
        }
        Optional<String> blocked = PodPingCheck.podsBlocked(ctx);
        if (blocked.isPresent()) {
            return new Plan.Skip(skip(ctx, blocked.get()));
        }
        OptionalInt mtu = mtu(ctx);
        if (mtu.isEmpty()) {
            return new Plan.Skip(skip(ctx, "no FLANNEL_MTU on " + ctx.from().name()));
        }
        return new Plan.Run(NodeCommands.mtuProbe(ctx.from().pod().orElseThrow().pid(), mtu.getAsInt(), ctx.to().pod().orElseThrow().ip()));
    }

    private static OptionalInt mtu(PairContext ctx) {
        return ctx.from().parsedSubnetEnv().map(e -> e.mtu()).orElse(OptionalInt.empty());
    }

    @Override
    public CheckResult judge(PairContext ctx, Probe p) {
        OptionalInt mtu = mtu(ctx);
        String target = ctx.to().pod().orElseThrow().ip();
        boolean ok = PingOutput.ok(p.result());
        return CheckResult.of(ok, id(), ctx.from().name(), "DF ping of " + mtu.getAsInt() + " bytes to " + target + ": "
                + PingOutput.describe(p.result()), List.of(p.evidence())).withPeer(ctx.to().name()).withDuration(p.took());
    }
}
