package dev.overlaylab.render.kube;

import static dev.overlaylab.render.kube.KubeFiles.BIN_DIR;
import static dev.overlaylab.render.kube.KubeFiles.CONTROL_PLANE;
import static dev.overlaylab.render.kube.KubeFiles.DIR;
import static dev.overlaylab.render.kube.KubeFiles.PKI_DIR;
import static dev.overlaylab.render.kube.KubeFiles.file;
import static dev.overlaylab.render.kube.KubeFiles.pemFile;

import dev.overlaylab.model.KubernetesSettings;
import dev.overlaylab.model.Lab;
import dev.overlaylab.render.RenderedFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The master's control plane: kube-apiserver on the lab's etcd (v3 API, its own prefix) advertising the
 * master's host-only address, kube-controller-manager (cluster CIDR = the flannel Network, no node CIDR
 * allocation: flannel leases the subnets) and kube-scheduler, each a systemd unit with its certificates.
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
    private final String marker;

    ControlPlaneFiles(Lab lab, KubernetesSettings k, Pki pki, String marker) {
        this.lab = lab;
        this.k = k;
        this.pki = pki;
        this.marker = marker;
    }

    List<RenderedFile> files() {
        String master = lab.master().ip();
        List<String> dns = List.of("kubernetes", "kubernetes.default", "kubernetes.default.svc",
                "kubernetes.default.svc." + k.clusterDomain(), lab.master().name(), "localhost");
        Pki.Issued serving = pki.issue(new Pki.Request("apiserver", APISERVER, List.of(), dns,
                List.of(master, k.apiServiceIp(), "127.0.0.1"), true, false));
        Pki.Issued kubeletClient = pki.issue(Pki.Request.client("apiserver-kubelet-client", "kube-apiserver-kubelet-client",
                "system:masters"));
        Pki.Issued sa = pki.serviceAccountKey();
        String ca = pki.caCert();
        List<RenderedFile> out = new ArrayList<>();
        // the master's CA file is the control plane's: written before the apiserver starts (the CA never changes once made)
        out.add(file(PKI_DIR + "/ca.crt", pemFile(marker, ca), PUBLIC, CONTROL_PLANE, APISERVER, CONTROLLER_MANAGER));
        out.add(file(PKI_DIR + "/apiserver.crt", pemFile(marker, serving.certPem()), PUBLIC, CONTROL_PLANE, APISERVER));
        out.add(file(PKI_DIR + "/apiserver.key", pemFile(marker, serving.keyPem()), PRIVATE, CONTROL_PLANE, APISERVER));
        out.add(file(PKI_DIR + "/apiserver-kubelet-client.crt", pemFile(marker, kubeletClient.certPem()), PUBLIC, CONTROL_PLANE, APISERVER));
        out.add(file(PKI_DIR + "/apiserver-kubelet-client.key", pemFile(marker, kubeletClient.keyPem()), PRIVATE, CONTROL_PLANE, APISERVER));
        out.add(file(PKI_DIR + "/sa.pub", pemFile(marker, sa.certPem()), PUBLIC, CONTROL_PLANE, APISERVER));
        out.add(file(PKI_DIR + "/sa.key", pemFile(marker, sa.keyPem()), PRIVATE, CONTROL_PLANE, APISERVER, CONTROLLER_MANAGER));
        out.add(file(DIR + "/controller-manager.kubeconfig", kubeconfig("system:kube-controller-manager", "controller-manager", ca),
                PRIVATE, CONTROL_PLANE, CONTROLLER_MANAGER));
        out.add(file(DIR + "/scheduler.kubeconfig", kubeconfig("system:kube-scheduler", "scheduler", ca), PRIVATE, CONTROL_PLANE, SCHEDULER));
        // the admin's kubeconfig on the master, for kubectl there and for the engine's readiness checks
        out.add(file(KubeFiles.ADMIN_KUBECONFIG, Kubeconfig.of(marker, lab.name(), "https://127.0.0.1:" + KubeFiles.API_PORT, ca, "admin",
                pki.issue(Pki.Request.client("admin", "admin", "system:masters"))), PRIVATE, CONTROL_PLANE));
        out.add(file("/etc/systemd/system/kube-apiserver.service", unit("Kubernetes API server", APISERVER, apiserverArgs(),
                "etcd.service"), PUBLIC, CONTROL_PLANE, APISERVER));
        out.add(file("/etc/systemd/system/kube-controller-manager.service", unit("Kubernetes controller manager", CONTROLLER_MANAGER,
                controllerManagerArgs(), "kube-apiserver.service"), PUBLIC, CONTROL_PLANE, CONTROLLER_MANAGER));
        out.add(file("/etc/systemd/system/kube-scheduler.service", unit("Kubernetes scheduler", SCHEDULER,
                schedulerArgs(), "kube-apiserver.service"), PUBLIC, CONTROL_PLANE, SCHEDULER));
        return out;
    }

    private String kubeconfig(String cn, String file, String ca) {
        return Kubeconfig.of(marker, lab.name(), "https://127.0.0.1:" + KubeFiles.API_PORT, ca, cn, pki.issue(Pki.Request.client(file, cn)));
    }

    private List<String> apiserverArgs() {
        return List.of(
                "--advertise-address=" + lab.master().ip(),    // the host-only address: seed 004's NAT address answers nowhere
                "--bind-address=0.0.0.0",
                "--secure-port=" + KubeFiles.API_PORT,
                "--etcd-servers=" + String.join(",", lab.etcdEndpoints()),
                "--etcd-prefix=" + KubernetesSettings.ETCD_PREFIX,
                "--service-cluster-ip-range=" + k.serviceCidr(),
                "--client-ca-file=" + PKI_DIR + "/ca.crt",
                "--tls-cert-file=" + PKI_DIR + "/apiserver.crt",
                "--tls-private-key-file=" + PKI_DIR + "/apiserver.key",
                "--kubelet-client-certificate=" + PKI_DIR + "/apiserver-kubelet-client.crt",
                "--kubelet-client-key=" + PKI_DIR + "/apiserver-kubelet-client.key",
                "--kubelet-preferred-address-types=InternalIP,Hostname",
                "--service-account-issuer=https://kubernetes.default.svc." + k.clusterDomain(),
                "--service-account-key-file=" + PKI_DIR + "/sa.pub",
                "--service-account-signing-key-file=" + PKI_DIR + "/sa.key",
                "--authorization-mode=Node,RBAC",
                "--enable-admission-plugins=NodeRestriction",
                "--allow-privileged=true");
    }

    private List<String> controllerManagerArgs() {
        String kc = DIR + "/controller-manager.kubeconfig";
        return List.of(
                "--kubeconfig=" + kc,
                "--authentication-kubeconfig=" + kc,
                "--authorization-kubeconfig=" + kc,
                "--bind-address=127.0.0.1",
                "--cluster-cidr=" + lab.flannel().network(),
                "--allocate-node-cidrs=false",                  // flannel leases each node's subnet
                "--service-cluster-ip-range=" + k.serviceCidr(),
                "--service-account-private-key-file=" + PKI_DIR + "/sa.key",
                "--root-ca-file=" + PKI_DIR + "/ca.crt",
                "--use-service-account-credentials=true",
                "--leader-elect=false");                        // one master: no election to wait for
    }

    private List<String> schedulerArgs() {
        String kc = DIR + "/scheduler.kubeconfig";
        return List.of("--kubeconfig=" + kc, "--authentication-kubeconfig=" + kc, "--authorization-kubeconfig=" + kc,
                "--bind-address=127.0.0.1", "--leader-elect=false");
    }

    private String unit(String description, String binary, List<String> args, String after) {
        return "# " + marker + "\n"
                + "[Unit]\n"
                + "Description=" + description + " (Overlay Lab)\n"
                + "After=network-online.target " + after + "\n"
                + "\n"
                + "[Service]\n"
                + "ExecStart=" + BIN_DIR + "/" + binary + " \\\n    " + String.join(" \\\n    ", args) + "\n"
                + "Restart=always\n"
                + "RestartSec=2\n"
                + "\n"
                + "[Install]\n"
                + "WantedBy=multi-user.target\n";
    }
}
