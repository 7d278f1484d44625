package dev.overlaylab.verify.kube;

import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.Evidence;
import java.util.List;

/**
 * {@code k8s-clusterip}: from the node itself (the master too — seed 004's master never got an answer), every
 * one of {@link NodeScript#CLUSTER_IP_TRIES} requests to the verify Service's ClusterIP is answered by one of
 * the DaemonSet's pods. A node where only its own pod answers fails with the count: the seed's "half the time".
 */
public final class ClusterIpCheck implements KubeCheck {

    @Override
    public String id() {
        return "k8s-clusterip";
    }

    @Override
    public List<CheckResult> check(KubeContext ctx) {
        String n = ctx.node().name();
        if (ctx.cluster().clusterIp().isEmpty()) {
            return List.of(CheckResult.fail(id(), n, "the Service " + VerifyWorkload.NAMESPACE + "/" + VerifyWorkload.CLUSTER_IP_SERVICE
                    + " has no ClusterIP (could not be read on " + ctx.lab().master().name() + ")", List.of(ctx.cluster().probe().evidence())));
        }
        String ip = ctx.cluster().clusterIp().get();
        Answers a = new Answers(ctx.seen().of("clusterip", ip), k -> ctx.labNodeOf(k).orElse(k));
        String what = "curl http://" + ip + ":" + VerifyWorkload.SERVICE_PORT + "/ from " + n + ": ";
        String rules = ctx.seen().rules().map(r -> r.describe() + "\n").orElse("");
        return List.of(CheckResult.of(a.all(), id(), n, what + a.describe(), List.of(
                new Evidence("curl -sS -m " + NodeScript.REQUEST_SECONDS + " http://" + ip + ":" + VerifyWorkload.SERVICE_PORT
                        + "/index.html  (" + NodeScript.CLUSTER_IP_TRIES + " at once)", rules + lines(a)))).withDuration(ctx.seen().probe().took()));
    }

    static String lines(Answers a) {
        StringBuilder s = new StringBuilder();
        for (NodeKubeFacts.Attempt t : a.attempts()) {
            s.append(t.target()).append(": ").append(t.exit() == 0 ? "" : "(exit " + t.exit() + ") ").append(t.output()).append('\n');
        }
        return s.length() == 0 ? "no request was made (see the node's script output)" : s.toString().strip();
    }
}
