package dev.overlaylab.verify.kube;

import dev.overlaylab.model.Node;
import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code k8s-nodeport}: from the node, the verify NodePort answers on every node's host-only address (its own
 * included), {@link NodeScript#NODE_PORT_TRIES} requests each.
 */
public final class NodePortCheck implements KubeCheck {

    @Override
    public String id() {
        return "k8s-nodeport";
    }

    @Override
    public List<CheckResult> check(KubeContext ctx) {
        String n = ctx.node().name();
        if (ctx.cluster().nodePort().isEmpty()) {
            return List.of(CheckResult.fail(id(), n, "the Service " + VerifyWorkload.NAMESPACE + "/" + VerifyWorkload.NODE_PORT_SERVICE
                    + " has no NodePort (could not be read on " + ctx.lab().master().name() + ")", List.of(ctx.cluster().probe().evidence())));
        }
        int port = ctx.cluster().nodePort().get();
        List<NodeKubeFacts.Attempt> all = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (Node t : ctx.lab().nodes()) {
            Answers a = new Answers(ctx.seen().of("nodeport", t.ip()), k -> ctx.labNodeOf(k).orElse(k));
            all.addAll(a.attempts());
            if (!a.all()) {
                bad.add(t.name() + " " + t.ip() + ":" + port + ": " + a.describe());
            }
        }
        Answers total = new Answers(all, k -> ctx.labNodeOf(k).orElse(k));
        String summary = bad.isEmpty() && total.all() ? "NodePort " + port + " answered on every node: " + total.describe()
                : "NodePort " + port + " from " + n + ": " + (bad.isEmpty() ? total.describe() : String.join("; ", bad));
        return List.of(CheckResult.of(bad.isEmpty() && total.all(), id(), n, summary, List.of(new Evidence(
                "curl -sS -m " + NodeScript.REQUEST_SECONDS + " http://<each node>:" + port + "/index.html", ClusterIpCheck.lines(total))))
                .withDuration(ctx.seen().probe().took()));
    }
}
