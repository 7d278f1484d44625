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
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * #15, seed 004's cause: a node sends Service traffic from an address that is not its host-only one (the service
 * CIDR has no route of its own, so it follows the default route out of the NAT NIC and takes that NIC's
 * address), and kube-proxy, running without {@code clusterCIDR}, does not masquerade it. The request reaches a
 * pod on another node with source 10.0.2.15; the pod answers 10.0.2.15 — on every VirtualBox VM and local node
 * that is the node's own NAT address — and the answer never comes back. Only the node's own pod gets through:
 * "half the time" on a worker of a two-pod Service, never on a master without a pod.
 */
public final class ServiceSourceAddressRule implements Rule {
    private static final Pattern CONFIGZ_CIDR = Pattern.compile("\"clusterCIDR\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern CONFIGZ_MODE = Pattern.compile("\"detectLocalMode\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern CONFIGZ_MASQ_ALL = Pattern.compile("\"masqueradeAll\"\\s*:\\s*true");
    private static final Pattern FILE_CIDR = Pattern.compile("(?m)^clusterCIDR:[ \\t]*\"?([^\"\\s]*)");
    private static final Pattern FILE_MODE = Pattern.compile("(?m)^detectLocalMode:[ \\t]*\"?([^\"\\s]*)");
    private static final Pattern FLAG_CIDR = Pattern.compile("--cluster-cidr[= ](\\S+)");
    private static final Pattern ROUTE = Pattern.compile("dev (\\S+).* src (\\S+)");

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        Optional<KubeTarget> t = KubeTarget.of(ctx.lab());
        if (t.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        List<Excerpt> evidence = new ArrayList<>();
        String route = "";
        for (Node n : ctx.lab().nodes()) {
            Optional<NodeObservation> o = ctx.obs().node(n.name());
            if (!ctx.failed("k8s-clusterip", n) || o.isEmpty() || KubeProxyDownRule.unit(o.get(), KubeTarget.KUBE_PROXY)
                    .map(u -> !u.active()).orElse(true)) {
                continue;
            }
            Optional<String> masq = masqueradesNodeTraffic(o.get());
            Matcher r = ROUTE.matcher(o.get().section(KubeEvidence.SERVICE_ROUTE).stdout());
            if (masq.isPresent() || !r.find() || r.group(2).equals(n.ip())) {
                continue;
            }
            names.add(n.name());
            route = "ip route add " + t.get().serviceCidr() + " dev " + o.get().interfaceWith(n.ip()).orElse("<host-only NIC>")
                    + " src " + n.ip();
            evidence.add(new Excerpt(n.name(), KubeEvidence.serviceRoute(t.get()), o.get().section(KubeEvidence.SERVICE_ROUTE).stdout()
                    .strip().lines().findFirst().orElse("") + "   ← source " + r.group(2) + " on " + r.group(1)
                    + ", not the host-only " + n.ip()));
            evidence.add(new Excerpt(n.name(), "kube-proxy's configuration (/configz, " + t.get().kubeProxyConfig() + ", command line)",
                    "clusterCIDR is empty: kube-proxy masquerades no ClusterIP traffic that leaves this node"));
            ctx.report().find("k8s-clusterip", n.name()).ifPresent(x -> evidence.add(Excerpt.line(n.name() + " k8s-clusterip FAIL: "
                    + x.summary())));
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        String on = String.join(", ", names);
        String net = ctx.lab().flannel().network();
        return Optional.of(Finding.of(FailureMode.CLUSTERIP_UNREACHABLE, "ClusterIPs answer " + on + " only from its own pods: "
                + on + " sends Service traffic from its NAT address (the service CIDR " + t.get().serviceCidr()
                + " follows the default route) and kube-proxy, without clusterCIDR, does not masquerade it, so pods on other"
                + " nodes answer an address that is their own (seed 004)", evidence,
                "clusterCIDR: " + net + " in kube-proxy's configuration, then restart kube-proxy (olab up writes it so); or give the"
                        + " service CIDR a route of its own on the host-only NIC (" + route + ")"));
    }

    /**
     * Why kube-proxy would masquerade a node's own Service traffic, or empty when it would not: clusterCIDR set
     * (the default {@code detectLocalMode}), another local-traffic mode, or {@code masqueradeAll}. Its live
     * {@code /configz} first; the config file and command line when that cannot be read.
     */
    static Optional<String> masqueradesNodeTraffic(NodeObservation o) {
        var z = o.section(KubeEvidence.KUBE_PROXY_CONFIGZ);
        if (z.ok() && z.stdout().contains("clusterCIDR")) {
            String json = z.stdout();
            if (CONFIGZ_MASQ_ALL.matcher(json).find()) {
                return Optional.of("masqueradeAll");
            }
            Matcher mode = CONFIGZ_MODE.matcher(json);
            if (mode.find() && !mode.group(1).isEmpty() && !mode.group(1).equals("ClusterCIDR")) {
                return Optional.of("detectLocalMode " + mode.group(1));
            }
            Matcher c = CONFIGZ_CIDR.matcher(json);
            return c.find() && !c.group(1).isEmpty() ? Optional.of("clusterCIDR " + c.group(1)) : Optional.empty();
        }
        String file = o.section(KubeEvidence.KUBE_PROXY_CONFIG).ok() ? o.section(KubeEvidence.KUBE_PROXY_CONFIG).stdout() : "";
        if (file.contains("masqueradeAll: true")) {
            return Optional.of("masqueradeAll");
        }
        Matcher mode = FILE_MODE.matcher(file);
        if (mode.find() && !mode.group(1).isEmpty() && !mode.group(1).equals("ClusterCIDR")) {
            return Optional.of("detectLocalMode " + mode.group(1));
        }
        Matcher c = FILE_CIDR.matcher(file);
        if (c.find() && !c.group(1).isEmpty()) {
            return Optional.of("clusterCIDR " + c.group(1));
        }
        Matcher flag = FLAG_CIDR.matcher(o.commandLine(KubeEvidence.KUBE_PROXY).orElse(""));
        return flag.find() ? Optional.of("--cluster-cidr " + flag.group(1)) : Optional.empty();
    }
}
