package dev.overlaylab.render.kube;

import static dev.overlaylab.render.kube.KubeFiles.DIR;
import static dev.overlaylab.render.kube.KubeFiles.NODE;
import static dev.overlaylab.render.kube.KubeFiles.PKI_DIR;
import static dev.overlaylab.render.kube.KubeFiles.file;
import static dev.overlaylab.render.kube.KubeFiles.kubeconfig;
import static dev.overlaylab.render.kube.KubeFiles.pemFile;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profile;
import java.util.ArrayList;
import java.util.List;

/**
 * What every node (the master too) runs for Kubernetes: containerd's CRI set up for pods on docker0,
 * kubelet registered under the node's host-only address, kube-proxy with the cluster CIDR. Nodes of the
 * local provider are containers, and get what kind gives kubelet in a container (the probe in issue #9):
 * /dev/kmsg and three /proc/sys values faked, the native snapshotter, restricted oom_score_adj, and a
 * runc wrapper that drops cgroup limits the node cannot set — so pod limits are not enforced there.
 * The files' text is in the templates; this class decides which files a node gets and issues their certificates.
 */
final class NodeKubeFiles {
    private static final int PUBLIC = 0644;
    private static final int EXECUTABLE = 0755;
    static final String NODE_PREP = "olab-kube-node-prep";
    static final String NODE_PREP_SCRIPT = "/usr/local/sbin/olab-kube-node-prep";
    static final String PODS_STOP = "olab-kube-pods-stop";

    private final Lab lab;
    private final Node node;
    private final Pki pki;
    private final boolean container;

    NodeKubeFiles(Lab lab, Profile profile, Node node, Pki pki) {
        this.lab = lab;
        this.node = node;
        this.pki = pki;
        this.container = KubeFiles.inContainer(profile);
    }

    List<KubeFile> files() {
        String ca = pki.caCert();
        List<KubeFile> out = new ArrayList<>();
        if (container) {
            out.add(file("kube/olab-kube-node-prep.sh.ftl", NODE_PREP_SCRIPT, EXECUTABLE, NODE, NODE_PREP));
            out.add(file("kube/olab-kube-node-prep.service.ftl", "/etc/systemd/system/" + NODE_PREP + ".service", PUBLIC, NODE, NODE_PREP));
            out.add(file("kube/olab-runc.pl.ftl", KubeFiles.RUNC_WRAPPER, EXECUTABLE, NODE));
        }
        out.add(file("kube/containerd-config.toml.ftl", "/etc/containerd/config.toml", PUBLIC, NODE, "containerd"));
        // pods ignore SIGTERM: without this a node's shutdown (down of a local lab) waits out systemd's stop timeout
        out.add(file("kube/olab-kube-pods-stop.service.ftl", "/etc/systemd/system/" + PODS_STOP + ".service", PUBLIC, NODE, PODS_STOP));
        if (!node.name().equals(lab.master().name())) {     // the master's is among the control plane's files
            out.add(pemFile(PKI_DIR + "/ca.crt", ca, PUBLIC, NODE, "kubelet", "kube-proxy"));
        }
        String kubeletUser = "system:node:" + node.name();
        Pki.Issued kubelet = pki.issue(Pki.Request.client("kubelet-" + node.name(), kubeletUser, "system:nodes"));
        out.add(kubeconfig(DIR + "/kubelet.kubeconfig", Kubeconfig.values(lab.name(), KubeFiles.server(lab), ca, kubeletUser, kubelet),
                NODE, "kubelet"));
        out.add(file("kube/kubelet-config.yaml.ftl", DIR + "/kubelet-config.yaml", PUBLIC, NODE, "kubelet"));
        out.add(file("kube/kubelet.service.ftl", "/etc/systemd/system/kubelet.service", PUBLIC, NODE, "kubelet"));
        Pki.Issued proxy = pki.issue(Pki.Request.client("kube-proxy", "system:kube-proxy"));
        out.add(kubeconfig(DIR + "/kube-proxy.kubeconfig", Kubeconfig.values(lab.name(), KubeFiles.server(lab), ca,
                "system:kube-proxy", proxy), NODE, "kube-proxy"));
        out.add(file("kube/kube-proxy-config.yaml.ftl", DIR + "/kube-proxy-config.yaml", PUBLIC, NODE, "kube-proxy"));
        out.add(file("kube/kube-proxy.service.ftl", "/etc/systemd/system/kube-proxy.service", PUBLIC, NODE, "kube-proxy"));
        return out;
    }
}
