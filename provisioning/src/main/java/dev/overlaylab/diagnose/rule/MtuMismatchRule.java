package dev.overlaylab.diagnose.rule;

import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.Rule;
import dev.overlaylab.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * #2: docker0 (and so every container's veth) has a larger MTU than the overlay: small pings pass, big
 * packets are dropped. Seen as docker0 MTU > FLANNEL_MTU, or the full-size DF ping failing where the small
 * pod ping passed.
 */
public final class MtuMismatchRule implements Rule {

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        List<String> evidence = new ArrayList<>();
        for (Node n : ctx.lab().nodes()) {
            if (ctx.failed("docker0-mtu", n) && ctx.active(n, "docker") && !withoutDropIn(ctx, n)) {
                ctx.nodeLine("docker0-mtu", n).ifPresent(evidence::add);
            }
        }
        for (Node[] p : ctx.pairs()) {
            if (ctx.pairFailed("mtu-probe", p[0], p[1]) && ctx.pairPassed("pod-ping", p[0], p[1])
                    && !withoutDropIn(ctx, p[0]) && !withoutDropIn(ctx, p[1])) {
                ctx.pairLine("pod-ping", p[0], p[1]).ifPresent(evidence::add);
                ctx.pairLine("mtu-probe", p[0], p[1]).ifPresent(evidence::add);
            }
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        String pinned = ctx.lab().docker().mtu().isPresent()
                ? " Remove docker.mtu: " + ctx.lab().docker().mtu().getAsInt() + " from the lab file (it exceeds the overlay MTU)."
                : "";
        return Optional.of(Finding.mode(2, "docker0's MTU is larger than the overlay's", evidence,
                "start dockerd with --mtu=${FLANNEL_MTU} from /run/flannel/subnet.env (the docker drop-in), "
                        + "then restart docker." + pinned));
    }

    /**
     * docker0 outside the flannel Network: docker runs without the drop-in at all (#7), which gives it neither
     * {@code --bip} nor {@code --mtu}; the drop-in is the one fix, so the MTU is not a cause of its own there.
     */
    private static boolean withoutDropIn(DiagnosisContext ctx, Node n) {
        return ctx.docker0(n).map(d -> !ctx.flannelNetwork().contains(d.normalized())).orElse(false);
    }
}
