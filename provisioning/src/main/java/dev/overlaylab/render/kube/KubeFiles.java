package dev.overlaylab.render.kube;

import dev.overlaylab.model.KubernetesSettings;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profile;
import dev.overlaylab.node.NodeLayout;
import dev.overlaylab.render.RenderedFile;
import dev.overlaylab.ssh.AppDataDir;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files Kubernetes adds to a node of a lab with a {@code kubernetes:} section: the control plane's
 * on the master (component {@value #CONTROL_PLANE}), kubelet's, kube-proxy's and containerd's on every
 * node (component {@value #NODE}). Certificates come from the lab's {@link Pki}; everything else is a
 * function of the lab, so rendering twice gives the same bytes. The CNI conflist is not here: it is
 * made from the node's flannel lease at run time (engine.kube.CniConfigStep).
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

    /** Every Kubernetes file of {@code node}; empty for labs without Kubernetes. */
    public static List<RenderedFile> of(Lab lab, Profile profile, Node node, Pki pki) {
        if (lab.kubernetes().isEmpty()) {
            return List.of();
        }
        KubernetesSettings k = lab.kubernetes().get();
        String marker = NodeLayout.labMarker(lab.name()) + " kubernetes): edits are overwritten by olab up";
        List<RenderedFile> out = new ArrayList<>();
        if (node.name().equals(lab.master().name())) {
            out.addAll(new ControlPlaneFiles(lab, k, pki, marker).files());
        }
        out.addAll(new NodeKubeFiles(lab, k, profile, node, pki, marker).files());
        return List.copyOf(out);
    }

    /** The admin's kubeconfig (system:masters), as {@code olab kubeconfig} writes it on the host. */
    public static String adminKubeconfig(Lab lab, Pki pki, String header) {
        return Kubeconfig.of(header, lab.name(), server(lab), pki.caCert(), "admin",
                pki.issue(Pki.Request.client("admin", "admin", "system:masters")));
    }

    static String pemFile(String marker, String pem) {
        // Go's PEM reader skips text before "-----BEGIN", so even keys can say who wrote them.
        return "# " + marker + "\n" + pem;
    }

    static RenderedFile file(String path, String content, int mode, String component, String... restarts) {
        return new RenderedFile(path, content, mode, component, List.of(restarts));
    }
}
