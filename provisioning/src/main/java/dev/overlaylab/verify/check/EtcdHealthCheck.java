package dev.overlaylab.verify.check;

import dev.overlaylab.verify.CheckResult;
import java.util.List;

/** {@code etcd-health}: etcd answers on the node's host-only address (where every flanneld reaches it). */
public final class EtcdHealthCheck implements NodeCheck {

    @Override
    public String id() {
        return "etcd-health";
    }

    @Override
    public boolean appliesTo(NodeContext ctx) {
        return ctx.facts().etcdNode();
    }

    @Override
    public CheckResult check(NodeContext ctx) {
        var probe = ctx.facts().etcdHealth().orElseThrow();
        String out = probe.stdout() + probe.result().stderr();
        boolean ok = probe.ok() && out.contains("is healthy");
        return CheckResult.of(ok, id(), ctx.node(), ok
                ? "etcd healthy at " + ctx.facts().node().ip() + ":" + ctx.lab().etcd().clientPort()
                : "etcd does not answer at " + ctx.facts().node().ip() + ":" + ctx.lab().etcd().clientPort(), List.of(probe.evidence()))
                .withDuration(probe.took());
    }
}
