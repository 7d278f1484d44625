package dev.overlaylab.diagnose;

import dev.overlaylab.verify.EvidenceScript.Section;
import dev.overlaylab.exec.Commands;
import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.verify.kube.KubeTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * The sections the observer adds to a node's evidence script when the lab runs Kubernetes: what the
 * {@code clusterip-unreachable} rules read. kube-proxy's effective configuration comes from its own
 * {@code /configz} (what it runs with, whatever file it was given), its config file beside it; the route the
 * node takes to the service CIDR shows the source address it puts on Service traffic.
 */
public final class KubeEvidence {
    public static final String UNITS = "kube-units";
    public static final String KUBE_PROXY = "kube-proxy-cmdline";
    public static final String KUBE_PROXY_CONFIGZ = "kube-proxy-configz";
    public static final String KUBE_PROXY_CONFIG = "kube-proxy-config";
    public static final String SERVICE_ROUTE = "service-route";
    public static final String APISERVER = "apiserver-cmdline";
    public static final String KUBERNETES_ENDPOINTS = "kubernetes-endpoints";

    private KubeEvidence() {
    }

    /** The first address of the service CIDR: the apiserver's own Service, there on every cluster. */
    public static String firstServiceIp(KubeTarget t) {
        return Cidr.formatAddress(Cidr.parse(t.serviceCidr()).normalized().nthHost(1));
    }

    public static String serviceRoute(KubeTarget t) {
        return "ip -o route get " + firstServiceIp(t);
    }

    public static List<Section> sections(Lab lab, Node n) {
        List<Section> s = new ArrayList<>();
        KubeTarget.of(lab).ifPresent(t -> {
            s.add(new Section(UNITS, "systemctl show -p Id,ActiveState,SubState,NRestarts,UnitFileState " + String.join(" ", t.unitsOn(lab, n)),
                    false));
            s.add(new Section(KUBE_PROXY, "ps -o args= -C kube-proxy", false));
            s.add(new Section(KUBE_PROXY_CONFIGZ, "curl -sS -m 2 http://127.0.0.1:10249/configz", true));
            s.add(new Section(KUBE_PROXY_CONFIG, "cat " + Commands.quote(t.kubeProxyConfig()), false));
            s.add(new Section(SERVICE_ROUTE, serviceRoute(t), false));
            if (n == lab.master()) {
                s.add(new Section(APISERVER, "ps -o args= -C kube-apiserver", false));
                s.add(new Section(KUBERNETES_ENDPOINTS, t.kubectl() + " --request-timeout=5s -n default get endpointslices"
                        + " -l kubernetes.io/service-name=kubernetes -o jsonpath=" + Commands.quote("{.items[*].endpoints[*].addresses[*]}"), true));
            }
        });
        return s;
    }
}
