package dev.overlaylab.render.kube;

import static dev.overlaylab.render.kube.KubeFiles.CONTROL_PLANE;
import static dev.overlaylab.render.kube.KubeFiles.DIR;
import static dev.overlaylab.render.kube.KubeFiles.PKI_DIR;
import static dev.overlaylab.render.kube.KubeFiles.file;
import static dev.overlaylab.render.kube.KubeFiles.kubeconfig;
import static dev.overlaylab.render.kube.KubeFiles.pemFile;

import dev.overlaylab.model.KubernetesSettings;
import dev.overlaylab.model.Lab;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The master's control plane: kube-apiserver on the lab's etcd (v3 API, its own prefix) advertising the
 * master's host-only address, kube-controller-manager (cluster CIDR = the flannel Network, no node CIDR
 * allocation: flannel leases the subnets) and kube-scheduler, each a systemd unit with its certificates.
 * The units' flags are in their templates; this class decides the files and issues their certificates.
 */
final class ControlPlaneFiles {
    private static final int PRIVATE = 0600;
    private static final int PUBLIC = 0644;
    private static final String APISERVER = "kube-apiserver";
    private static final String CONTROLLER_MANAGER = "kube-controller-manager";
    private static final String SCHEDULER = "kube-scheduler";

    private final Lab lab;
    private final KubernetesSettings k;
    private final Pki pki;

    ControlPlaneFiles(Lab lab, KubernetesSettings k, Pki pki) {
        this.lab = lab;
        this.k = k;
        this.pki = pki;
    }

    List<KubeFile> files() {
        String master = lab.master().ip();
        List<String> dns = List.of("kubernetes", "kubernetes.default", "kubernetes.default.svc",
                "kubernetes.default.svc." + k.clusterDomain(), lab.master().name(), "localhost");
        Pki.Issued serving = pki.issue(new Pki.Request("apiserver", APISERVER, List.of(), dns,
                List.of(master, k.apiServiceIp(), "127.0.0.1"), true, false));
        Pki.Issued kubeletClient = pki.issue(Pki.Request.client("apiserver-kubelet-client", "kube-apiserver-kubelet-client",
                "system:masters"));
        Pki.Issued sa = pki.serviceAccountKey();
        String ca = pki.caCert();
        List<KubeFile> out = new ArrayList<>();
        // the master's CA file is the control plane's: written before the apiserver starts (the CA never changes once made)
        out.add(pemFile(PKI_DIR + "/ca.crt", ca, PUBLIC, CONTROL_PLANE, APISERVER, CONTROLLER_MANAGER));
        out.add(pemFile(PKI_DIR + "/apiserver.crt", serving.certPem(), PUBLIC, CONTROL_PLANE, APISERVER));
        out.add(pemFile(PKI_DIR + "/apiserver.key", serving.keyPem(), PRIVATE, CONTROL_PLANE, APISERVER));
        out.add(pemFile(PKI_DIR + "/apiserver-kubelet-client.crt", kubeletClient.certPem(), PUBLIC, CONTROL_PLANE, APISERVER));
        out.add(pemFile(PKI_DIR + "/apiserver-kubelet-client.key", kubeletClient.keyPem(), PRIVATE, CONTROL_PLANE, APISERVER));
        out.add(pemFile(PKI_DIR + "/sa.pub", sa.certPem(), PUBLIC, CONTROL_PLANE, APISERVER));
        out.add(pemFile(PKI_DIR + "/sa.key", sa.keyPem(), PRIVATE, CONTROL_PLANE, APISERVER, CONTROLLER_MANAGER));
        out.add(kubeconfig(DIR + "/controller-manager.kubeconfig", local("system:kube-controller-manager", "controller-manager", ca),
                CONTROL_PLANE, CONTROLLER_MANAGER));
        out.add(kubeconfig(DIR + "/scheduler.kubeconfig", local("system:kube-scheduler", "scheduler", ca), CONTROL_PLANE, SCHEDULER));
        // the admin's kubeconfig on the master, for kubectl there and for the engine's readiness checks
        out.add(kubeconfig(KubeFiles.ADMIN_KUBECONFIG, Kubeconfig.values(lab.name(), localServer(), ca, "admin",
                pki.issue(Pki.Request.client("admin", "admin", "system:masters"))), CONTROL_PLANE));
        out.add(file("kube/kube-apiserver.service.ftl", "/etc/systemd/system/kube-apiserver.service", PUBLIC, CONTROL_PLANE, APISERVER));
        out.add(file("kube/kube-controller-manager.service.ftl", "/etc/systemd/system/kube-controller-manager.service", PUBLIC,
                CONTROL_PLANE, CONTROLLER_MANAGER));
        out.add(file("kube/kube-scheduler.service.ftl", "/etc/systemd/system/kube-scheduler.service", PUBLIC, CONTROL_PLANE, SCHEDULER));
        return out;
    }

    /** A control-plane component's kubeconfig: it talks to the apiserver on the same node. */
    private Map<String, Object> local(String cn, String file, String ca) {
        return Kubeconfig.values(lab.name(), localServer(), ca, cn, pki.issue(Pki.Request.client(file, cn)));
    }

    private static String localServer() {
        return "https://127.0.0.1:" + KubeFiles.API_PORT;
    }
}
