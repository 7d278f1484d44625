package dev.overlaylab.verify.kube;

import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.Evidence;
import java.util.List;

/**
 * {@code k8s-apiserver-service}: from the node, the apiserver's own Service ({@code default/kubernetes}, the
 * first address of the service CIDR) reaches the apiserver: any HTTP status counts. Its endpoint is the address
 * the apiserver advertises; advertised on the NAT NIC (10.0.2.15, the same on every VirtualBox VM), the Service
 * leads each worker to itself and is refused there, while the master still gets an answer.
 */
public final class ApiserverServiceCheck implements KubeCheck {

    @Override
    public String id() {
        return "k8s-apiserver-service";
    }

    @Override
    public List<CheckResult> check(KubeContext ctx) {
        String n = ctx.node().name();
        if (ctx.cluster().kubernetesIp().isEmpty()) {
            return List.of(CheckResult.fail(id(), n, "the Service default/kubernetes could not be read on " + ctx.lab().master().name(),
                    List.of(ctx.cluster().probe().evidence())));
        }
        String ip = ctx.cluster().kubernetesIp().get();
        List<NodeKubeFacts.Attempt> tries = ctx.seen().of("apiserver", ip);
        boolean ok = !tries.isEmpty() && tries.get(0).exit() == 0 && tries.get(0).output().matches("[1-5][0-9][0-9]");
        String seen = tries.isEmpty() ? "no request was made" : tries.get(0).exit() == 0 ? "HTTP " + tries.get(0).output()
                : "(exit " + tries.get(0).exit() + ") " + tries.get(0).output();
        String url = "https://" + ip + ":443/livez";
        return List.of(CheckResult.of(ok, id(), n, url + " from " + n + (ok ? " reached the apiserver: " : " failed: ") + seen,
                List.of(new Evidence("curl -ksS -m " + NodeScript.REQUEST_SECONDS + " -o /dev/null -w '%{http_code}' " + url,
                        ctx.seen().rules().map(r -> r.describe() + "\n").orElse("") + seen)))
                .withDuration(ctx.seen().probe().took()));
    }
}
