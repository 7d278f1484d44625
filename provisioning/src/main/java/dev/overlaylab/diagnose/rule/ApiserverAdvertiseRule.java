package dev.overlaylab.diagnose.rule;

import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Excerpt;
import dev.overlaylab.diagnose.FailureMode;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.KubeEvidence;
import dev.overlaylab.diagnose.NodeObservation;
import dev.overlaylab.diagnose.Rule;
import dev.overlaylab.model.Node;
import dev.overlaylab.verify.kube.KubeTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * #15, the apiserver advertises an address that is not the master's host-only one (seed 004's first cluster
 * was made on the wrong NIC; {@code kubeadm init} picks the default route's). The Service
 * {@code default/kubernetes} then leads to that address: on VirtualBox and local labs every node has the same NAT
 * address 10.0.2.15, so from a worker the Service reaches the worker itself and is refused.
 */
public final class ApiserverAdvertiseRule implements Rule {
    private static final Pattern FLAG = Pattern.compile("--advertise-address[= ](\\S+)");

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        if (KubeTarget.of(ctx.lab()).isEmpty() || !ctx.report().anyFailed("k8s-apiserver-service")) {
            return Optional.empty();
        }
        Node master = ctx.lab().master();
        Optional<NodeObservation> o = ctx.obs().node(master.name());
        if (o.isEmpty()) {
            return Optional.empty();
        }
        String cmdline = o.get().commandLine(KubeEvidence.APISERVER).orElse("");
        Matcher m = FLAG.matcher(cmdline);
        Optional<String> flag = m.find() ? Optional.of(m.group(1)) : Optional.empty();
        var ep = o.get().section(KubeEvidence.KUBERNETES_ENDPOINTS);
        List<String> endpoints = ep.ok() ? Arrays.stream(ep.stdout().strip().split("\\s+")).filter(s -> !s.isEmpty()).toList() : List.of();
        Optional<String> wrong = flag.filter(a -> !a.equals(master.ip()))
                .or(() -> endpoints.stream().filter(a -> !a.equals(master.ip())).findFirst());
        if (wrong.isEmpty()) {
            return Optional.empty();
        }
        List<Excerpt> evidence = new ArrayList<>();
        if (!cmdline.isEmpty()) {
            evidence.add(new Excerpt(master.name(), "ps -o args= -C kube-apiserver", flag.map(f -> "--advertise-address=" + f)
                    .orElse("(no --advertise-address: the apiserver took its default route's address)")));
        }
        if (!endpoints.isEmpty()) {
            evidence.add(new Excerpt(master.name(), "kubectl -n default get endpointslices -l kubernetes.io/service-name=kubernetes",
                    String.join(" ", endpoints)));
        }
        String nic = o.get().interfaceWith(wrong.get()).map(i -> " (" + i + ")").orElse("");
        for (var r : ctx.report().all("k8s-apiserver-service")) {
            if (r.failed()) {
                evidence.add(Excerpt.line(r.node() + " k8s-apiserver-service FAIL: " + r.summary()));
            }
        }
        return Optional.of(Finding.of(FailureMode.CLUSTERIP_UNREACHABLE, "kube-apiserver advertises " + wrong.get() + nic
                + ", not the master's host-only address " + master.ip() + ": the Service default/kubernetes sends every node to "
                + wrong.get() + ", which on the other nodes is not the master", evidence,
                "kube-apiserver --advertise-address=" + master.ip() + ", then restart it (olab up renders it so); the Service's endpoint"
                        + " follows within seconds"));
    }
}
