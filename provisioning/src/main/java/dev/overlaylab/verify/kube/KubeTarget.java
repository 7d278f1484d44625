package dev.overlaylab.verify.kube;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.render.kube.KubeFiles;
import java.util.List;
import java.util.Optional;

/**
 * Where the Kubernetes rows and the diagnosis find the cluster of a lab: the admin {@code kubectl} command line
 * on the master, the pod image imported into the nodes' containerd, the unit names and kube-proxy's config file.
 * Built from the lab's {@code kubernetes:} section; empty for a lab without one.
 */
public record KubeTarget(String kubectl, String image, String serviceCidr, String kubeProxyConfig) {
    public static final String KUBELET = "kubelet";
    public static final String KUBE_PROXY = "kube-proxy";
    public static final String APISERVER = "kube-apiserver";
    public static final String CONTROLLER_MANAGER = "kube-controller-manager";
    public static final String SCHEDULER = "kube-scheduler";

    /** Where the nodes keep the admin kubeconfig and kube-proxy's configuration (as the Kubernetes stages write them). */
    public static final String KUBECTL = KubeFiles.BIN_DIR + "/kubectl --kubeconfig=" + KubeFiles.ADMIN_KUBECONFIG;
    public static final String KUBE_PROXY_CONFIG = KubeFiles.DIR + "/kube-proxy-config.yaml";

    public static Optional<KubeTarget> of(Lab lab) {
        return lab.kubernetes().map(k -> new KubeTarget(KUBECTL, lab.verify().image(), k.serviceCidr(), KUBE_PROXY_CONFIG));
    }

    /** The units a node runs: the control plane on the master, kubelet and kube-proxy everywhere. */
    public List<String> unitsOn(Lab lab, Node n) {
        return n == lab.master() ? List.of(APISERVER, CONTROLLER_MANAGER, SCHEDULER, KUBELET, KUBE_PROXY)
                : List.of(KUBELET, KUBE_PROXY);
    }
}
