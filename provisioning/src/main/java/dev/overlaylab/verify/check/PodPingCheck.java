package dev.overlaylab.verify.check;

import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.NodeCommands;
import dev.overlaylab.verify.PingOutput;
import dev.overlaylab.verify.Probe;
import dev.overlaylab.verify.VerifyPod;
import java.util.List;
import java.util.Optional;

/** {@code pod-ping}: the source node's pod pings the peer's pod (container → docker0 → overlay → docker0 → container). */
public final class PodPingCheck implements PairCheck {

    @Override
    public String id() {
        return "pod-ping";
    }

    @Override
    public Plan plan(PairContext ctx) {
        if (!ctx.lab().verify().pods()) {
            return new Plan.Skip(skip(ctx, "switched off (verify.pods: false)"));
        }
        Optional<String> blocked = podsBlocked(ctx);
        if (blocked.isPresent()) {
            return new Plan.Skip(skip(ctx, blocked.get()));
        }
        return new Plan.Run(NodeCommands.podPing(ctx.from().pod().orElseThrow().pid(), ctx.to().pod().orElseThrow().ip()));
    }

    @Override
    public CheckResult judge(PairContext ctx, Probe p) {
        String target = ctx.to().pod().orElseThrow().ip();
        boolean ok = PingOutput.ok(p.result());
        return CheckResult.of(ok, id(), ctx.from().name(), "pod → pod " + target + ": " + PingOutput.describe(p.result()),
                List.of(p.evidence())).withPeer(ctx.to().name()).withDuration(p.took());
    }

    /** Why the pod checks of this pair cannot run: a pod missing on either side, or the peer pod off the overlay. */
    static Optional<String> podsBlocked(PairContext ctx) {
        Optional<VerifyPod> mine = ctx.from().pod();
        Optional<VerifyPod> theirs = ctx.to().pod();
        if (mine.isEmpty()) {
            return Optional.of("no verify pod on " + ctx.from().name() + " (see verify-pod)");
        }
        if (theirs.isEmpty()) {
            return Optional.of("no verify pod on " + ctx.to().name() + " (see verify-pod)");
        }
        return ctx.whyNotOverlayTarget("pod", theirs.get().ip());
    }
}
