package dev.overlaylab.verify.check;

import dev.overlaylab.verify.CheckResult;
import java.util.List;

/**
 * {@code verify-pod}: the node's throwaway container runs and has an address (needed by the pod pair checks): started
 * now, or kept from an earlier verify ({@link dev.overlaylab.verify.NodeCommands#startPod}).
 */
public final class VerifyPodCheck implements NodeCheck {

    @Override
    public String id() {
        return "verify-pod";
    }

    @Override
    public boolean appliesTo(NodeContext ctx) {
        var v = ctx.lab().verify();
        return v.pods() || v.http() || v.mtuProbe();
    }

    @Override
    public CheckResult check(NodeContext ctx) {
        var start = ctx.facts().podStart();
        if (start.isEmpty()) {
            return CheckResult.skip(id(), ctx.node(), "docker is not active: no pod started");
        }
        var pod = ctx.facts().pod();
        return CheckResult.of(pod.isPresent(), id(), ctx.node(), pod
                .map(p -> "pod " + p.ip() + " from " + ctx.lab().verify().image()
                        + (p.keptAge().isPresent() ? " (kept from an earlier verify, " + p.keptAge().getAsInt() + " s old)" : ""))
                .orElse("could not start a pod from " + ctx.lab().verify().image()), List.of(start.get().evidence()))
                .withDuration(start.get().took());
    }
}
