package dev.overlaylab.verify.kube;

import dev.overlaylab.verify.CheckResult;
import java.util.List;

/** {@code k8s-node-ready}: the node is registered with the apiserver and its Ready condition is True. */
public final class NodeReadyCheck implements KubeCheck {

    @Override
    public String id() {
        return "k8s-node-ready";
    }

    @Override
    public List<CheckResult> check(KubeContext ctx) {
        String n = ctx.node().name();
        if (ctx.cluster().nodes().isEmpty()) {
            return List.of(CheckResult.fail(id(), n, "kubectl get nodes on " + ctx.lab().master().name() + " listed no node",
                    List.of(ctx.cluster().probe().evidence())));
        }
        return List.of(ctx.kubeNode()
                .map(k -> CheckResult.of(k.isReady(), id(), n, k.isReady() ? "node " + k.name() + " is Ready"
                                : "node " + k.name() + " is not Ready (Ready=" + k.ready() + ")",
                        List.of(ctx.cluster().probe().evidence())))
                .orElseGet(() -> CheckResult.fail(id(), n, "no Kubernetes node named " + n + " or with InternalIP " + ctx.node().ip()
                        + ": kubelet on " + n + " has not registered", List.of(ctx.cluster().probe().evidence()))));
    }
}
