package dev.overlaylab.render.kube;

import dev.overlaylab.model.KubernetesSettings;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profile;
import dev.overlaylab.node.NodeLayout;
import dev.overlaylab.ssh.AppDataDir;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The files Kubernetes adds to a node of a lab with a {@code kubernetes:} section: the control plane's
 * on the master (component {@value #CONTROL_PLANE}), kubelet's, kube-proxy's and containerd's on every
 * node (component {@value #NODE}), each from a template under {@code templates/kube/}. Certificates come
 * from the lab's {@link Pki} and reach the templates as values; everything else is a function of the lab,
 * so rendering twice gives the same bytes. The CNI conflist is not among them: it needs the node's flannel
 * lease, so {@code up} renders it later ({@link CniLease}, engine.kube.CniConfigStep).
 */
public final class KubeFiles {
    public static final String CONTROL_PLANE = "kube-control-plane";
    public static final String NODE = "kube-node";
    public static final String DIR = "/etc/kubernetes";
    public static final String PKI_DIR = DIR + "/pki";
    public static final String BIN_DIR = "/usr/local/bin";
    public static final String ADMIN_KUBECONFIG = DIR + "/admin.kubeconfig";
    public static final int API_PORT = 6443;
    /** The runc wrapper local (nspawn) nodes run containers through: it drops cgroup limits the node cannot set. */
    public static final String RUNC_WRAPPER = "/usr/local/sbin/olab-runc";
    /** Pods' sandbox ("pause") image, made on the node from busybox (nodes reach no registry). */
    public static final String PAUSE_IMAGE = "docker.io/olab/pause:1";
    static final String PEM_TEMPLATE = "kube/pem.ftl";

    private KubeFiles() {
    }

    /** Where a lab's CA and certificates are kept on this machine. */
    public static Path pkiDir(String labName) {
        return AppDataDir.labDir(AppDataDir.resolve(), labName).resolve("kubernetes").resolve("pki");
    }

    /** The lab's PKI in its usual place. */
    public static Pki pki(Lab lab) {
        return new Pki(pkiDir(lab.name()));
    }

    /** True for the local provider's nspawn nodes, which need kind-like tweaks to run kubelet. */
    public static boolean inContainer(Profile profile) {
        return profile.name().endsWith("-nspawn");
    }

    /** The apiserver's URL for everything that talks to it: the master's host-only address. */
    public static String server(Lab lab) {
        return "https://" + lab.master().ip() + ":" + API_PORT;
    }

    /** Every template a Kubernetes lab may use, for {@code Renderer.warmUp()}. */
    public static final List<String> TEMPLATES = List.of(
            PEM_TEMPLATE, Kubeconfig.TEMPLATE, "kube/kube-apiserver.service.ftl", "kube/kube-controller-manager.service.ftl",
            "kube/kube-scheduler.service.ftl", "kube/olab-kube-node-prep.sh.ftl", "kube/olab-kube-node-prep.service.ftl",
            "kube/olab-runc.pl.ftl", "kube/containerd-config.toml.ftl", "kube/olab-kube-pods-stop.service.ftl",
            "kube/kubelet-config.yaml.ftl", "kube/kubelet.service.ftl", "kube/kube-proxy-config.yaml.ftl", "kube/kube-proxy.service.ftl",
            CniLease.TEMPLATE);

    /**
     * The first-line marker of Kubernetes files (the {@code managed} variable of their templates). It names
     * {@code kubernetes} where other files name their template, as it did before these were templates, so the
     * nodes of a lab brought up then see no change.
     */
    public static String marker(String labName) {
        return NodeLayout.labMarker(labName) + " kubernetes): edits are overwritten by olab up";
    }

    /** Every Kubernetes file of {@code node}, still to be rendered; empty for labs without Kubernetes. */
    public static List<KubeFile> of(Lab lab, Profile profile, Node node, Pki pki) {
        if (lab.kubernetes().isEmpty()) {
            return List.of();
        }
        KubernetesSettings k = lab.kubernetes().get();
        List<KubeFile> out = new ArrayList<>();
        if (node.name().equals(lab.master().name())) {
            out.addAll(new ControlPlaneFiles(lab, k, pki).files());
        }
        out.addAll(new NodeKubeFiles(lab, profile, node, pki).files());
        return List.copyOf(out);
    }

    /** The values of the admin's kubeconfig (system:masters) as {@code olab kubeconfig} writes it on the host. */
    public static Map<String, Object> adminKubeconfig(Lab lab, Pki pki) {
        return Kubeconfig.values(lab.name(), server(lab), pki.caCert(), "admin",
                pki.issue(Pki.Request.client("admin", "admin", "system:masters")));
    }

    /** A certificate, key or public key: the PEM text from the {@link Pki}, placed by {@value #PEM_TEMPLATE}. */
    static KubeFile pemFile(String path, String pem, int mode, String component, String... restarts) {
        return new KubeFile(PEM_TEMPLATE, path, mode, component, List.of(restarts), Map.of("pem", pem));
    }

    static KubeFile file(String template, String path, int mode, String component, String... restarts) {
        return new KubeFile(template, path, mode, component, List.of(restarts), Map.of());
    }

    static KubeFile kubeconfig(String path, Map<String, Object> values, String component, String... restarts) {
        return new KubeFile(Kubeconfig.TEMPLATE, path, 0600, component, List.of(restarts), values);
    }
}
