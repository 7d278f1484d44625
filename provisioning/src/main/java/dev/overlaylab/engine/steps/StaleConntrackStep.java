package dev.overlaylab.engine.steps;

import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepResult;
import java.util.List;

/**
 * After flanneld restarted (a backend or lease change), forgets the node's connection-tracking
 * entries for the flannel Network. Pods come back with the same addresses and ICMP ids, and
 * docker's MASQUERADE keeps NAT entries made over the previous backend: without this, the first
 * pod-to-pod pings after a vxlan → host-gw switch are lost for up to 30 s.
 */
public final class StaleConntrackStep implements Step {
    @Override
    public String name() {
        return "stale conntrack entries";
    }

    @Override
    public List<String> plan(StepContext ctx) {
        return List.of("if flanneld restarted: conntrack -D -s/-d " + ctx.lab().flannel().network());
    }

    @Override
    public StepResult apply(StepContext ctx) {
        if (!ctx.nodeRun().restartedUnits().contains("flanneld")) {
            return StepResult.unchanged("flanneld kept running: no stale entries");
        }
        String net = ctx.lab().flannel().network();
        // one exec; conntrack -D exits 1 when nothing matched: that is not a failure here
        if (ctx.probe(forget(net)).exitCode() == NO_CONNTRACK) {
            return StepResult.skipped("conntrack is not installed: pod pings may fail for up to 30 s after a backend change");
        }
        return StepResult.changed("forgot connection-tracking entries for " + net);
    }

    static final int NO_CONNTRACK = 97;

    static String forget(String net) {
        return "command -v conntrack >/dev/null || exit " + NO_CONNTRACK + "; conntrack -D -s " + net + " >/dev/null 2>&1; conntrack -D -d " + net
                + " >/dev/null 2>&1; true";
    }
}
