package dev.overlaylab.verify.check;

import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.NodeCommands;
import dev.overlaylab.verify.Probe;
import java.util.List;
import java.util.Optional;

/** {@code pod-http}: from the source pod's network, a page from the peer pod's busybox httpd (TCP across the overlay). */
public final class PodHttpCheck implements PairCheck {

    @Override
    public String id() {
        return "pod-http";
    }

    @Override
    public Plan plan(PairContext ctx) {
        if (!ctx.lab().verify().http()) {
            return new Plan.Skip(skip(ctx, "switched off (verify.http: false)"));
        }
        Optional<String> blocked = PodPingCheck.podsBlocked(ctx);
        if (blocked.isPresent()) {
            return new Plan.Skip(skip(ctx, blocked.get()));
        }
        return new Plan.Run(NodeCommands.podHttp(ctx.from().pod().orElseThrow().pid(), ctx.to().pod().orElseThrow().ip()));
    }

    @Override
    public CheckResult judge(PairContext ctx, Probe p) {
        String target = ctx.to().pod().orElseThrow().ip();
        String expected = NodeCommands.httpBody(ctx.to().name());
        boolean ok = p.ok() && p.stdout().strip().equals(expected);
        String summary = ok ? "GET http://" + target + ":" + NodeCommands.HTTP_PORT + "/ answered \"" + expected + "\""
                : p.ok() ? "GET http://" + target + ":" + NodeCommands.HTTP_PORT + "/ answered something else"
                // 124 is timeout(1)'s own exit code: the bare "(exit 124)" in the evidence tells a person nothing
                : p.result().exitCode() == 124 ? "GET http://" + target + ":" + NodeCommands.HTTP_PORT + "/ got no answer within "
                        + NodeCommands.HTTP_TIMEOUT_SECONDS + " s"
                : "GET http://" + target + ":" + NodeCommands.HTTP_PORT + "/ failed";
        return CheckResult.of(ok, id(), ctx.from().name(), summary, List.of(p.evidence()))
                .withPeer(ctx.to().name()).withDuration(p.took());
    }
}
