package dev.overlaylab.render.kube;

import static dev.overlaylab.render.kube.KubeFiles.BIN_DIR;
import static dev.overlaylab.render.kube.KubeFiles.DIR;
import static dev.overlaylab.render.kube.KubeFiles.NODE;
import static dev.overlaylab.render.kube.KubeFiles.PKI_DIR;
import static dev.overlaylab.render.kube.KubeFiles.file;
import static dev.overlaylab.render.kube.KubeFiles.pemFile;

import dev.overlaylab.model.KubernetesSettings;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profile;
import dev.overlaylab.render.RenderedFile;
import java.util.ArrayList;
import java.util.List;

/**
 * What every node (the master too) runs for Kubernetes: containerd's CRI set up for pods on docker0,
 * kubelet registered under the node's host-only address, kube-proxy with the cluster CIDR. Nodes of the
 * local provider are containers, and get what kind gives kubelet in a container (the probe in issue #9):
 * /dev/kmsg and three /proc/sys values faked, the native snapshotter, restricted oom_score_adj, and a
 * runc wrapper that drops cgroup limits the node cannot set — so pod limits are not enforced there.
 */
final class NodeKubeFiles {
    private static final int PRIVATE = 0600;
    private static final int PUBLIC = 0644;
    static final String NODE_PREP = "olab-kube-node-prep";
    static final String NODE_PREP_SCRIPT = "/usr/local/sbin/olab-kube-node-prep";

    private final Lab lab;
    private final KubernetesSettings k;
    private final Node node;
    private final Pki pki;
    private final String marker;
    private final boolean container;

    NodeKubeFiles(Lab lab, KubernetesSettings k, Profile profile, Node node, Pki pki, String marker) {
        this.lab = lab;
        this.k = k;
        this.node = node;
        this.pki = pki;
        this.marker = marker;
        this.container = KubeFiles.inContainer(profile);
    }

    List<RenderedFile> files() {
        String ca = pki.caCert();
        List<RenderedFile> out = new ArrayList<>();
        if (container) {
            out.add(file(NODE_PREP_SCRIPT, nodePrepScript(), 0755, NODE, NODE_PREP));
            out.add(file("/etc/systemd/system/" + NODE_PREP + ".service", nodePrepUnit(), PUBLIC, NODE, NODE_PREP));
            out.add(file(KubeFiles.RUNC_WRAPPER, runcWrapper(), 0755, NODE));
        }
        out.add(file("/etc/containerd/config.toml", containerdConfig(), PUBLIC, NODE, "containerd"));
        if (!node.name().equals(lab.master().name())) {     // the master's is among the control plane's files
            out.add(file(PKI_DIR + "/ca.crt", pemFile(marker, ca), PUBLIC, NODE, "kubelet", "kube-proxy"));
        }
        Pki.Issued kubelet = pki.issue(Pki.Request.client("kubelet-" + node.name(), "system:node:" + node.name(), "system:nodes"));
        out.add(file(DIR + "/kubelet.kubeconfig", Kubeconfig.of(marker, lab.name(), KubeFiles.server(lab), ca,
                "system:node:" + node.name(), kubelet), PRIVATE, NODE, "kubelet"));
        out.add(file(DIR + "/kubelet-config.yaml", kubeletConfig(), PUBLIC, NODE, "kubelet"));
        out.add(file("/etc/systemd/system/kubelet.service", kubeletUnit(), PUBLIC, NODE, "kubelet"));
        Pki.Issued proxy = pki.issue(Pki.Request.client("kube-proxy", "system:kube-proxy"));
        out.add(file(DIR + "/kube-proxy.kubeconfig", Kubeconfig.of(marker, lab.name(), KubeFiles.server(lab), ca,
                "system:kube-proxy", proxy), PRIVATE, NODE, "kube-proxy"));
        out.add(file(DIR + "/kube-proxy-config.yaml", kubeProxyConfig(), PUBLIC, NODE, "kube-proxy"));
        out.add(file("/etc/systemd/system/kube-proxy.service", kubeProxyUnit(), PUBLIC, NODE, "kube-proxy"));
        return out;
    }

    private String containerdConfig() {
        String cri = "[plugins.\"io.containerd.grpc.v1.cri\"]";
        String runc = "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc]";
        return "# " + marker + "\n"
                + "version = 2\n\n"
                + cri + "\n"
                + "  sandbox_image = \"" + KubeFiles.PAUSE_IMAGE + "\"\n"
                + (container ? "  restrict_oom_score_adj = true\n" : "")
                + "[plugins.\"io.containerd.grpc.v1.cri\".containerd]\n"
                + (container ? "  snapshotter = \"native\"\n" : "")
                + "  default_runtime_name = \"runc\"\n"
                + runc + "\n"
                + "  runtime_type = \"io.containerd.runc.v2\"\n"
                + runc.replace("]", ".options]") + "\n"
                + "  SystemdCgroup = true\n"
                + (container ? "  BinaryName = \"" + KubeFiles.RUNC_WRAPPER + "\"\n" : "")
                + "[plugins.\"io.containerd.grpc.v1.cri\".cni]\n"
                + "  bin_dir = \"/usr/lib/cni\"\n"
                + "  conf_dir = \"/etc/cni/net.d\"\n";
    }

    private String kubeletConfig() {
        boolean master = node.name().equals(lab.master().name());
        String taints = master && !k.masterSchedulable()
                ? "registerWithTaints:\n- key: node-role.kubernetes.io/control-plane\n  effect: NoSchedule\n" : "";
        return "# " + marker + "\n"
                + "apiVersion: kubelet.config.k8s.io/v1beta1\n"
                + "kind: KubeletConfiguration\n"
                + "authentication:\n"
                + "  anonymous: {enabled: false}\n"
                + "  webhook: {enabled: true}\n"
                + "  x509: {clientCAFile: " + PKI_DIR + "/ca.crt}\n"
                + "authorization: {mode: Webhook}\n"
                + "containerRuntimeEndpoint: unix:///run/containerd/containerd.sock\n"
                + "cgroupDriver: systemd\n"
                + "clusterDomain: " + k.clusterDomain() + "\n"
                + "failSwapOn: false\n"
                // nodes share one disk with the host and each other: never evict or collect images
                + "imageGCHighThresholdPercent: 100\n"
                + "imageGCLowThresholdPercent: 99\n"
                + "evictionHard: {memory.available: \"0%\", nodefs.available: \"0%\", nodefs.inodesFree: \"0%\", imagefs.available: \"0%\"}\n"
                // a container node's cgroup has no memory controller: MemoryQoS (beta, on by default in 1.37)
                // sets memory.low on the QoS cgroups, and kubelet exited at start ("memory.low can't be set")
                // about 20 times before one start won a race. (cgroupsPerQOS: false avoids it too, but then
                // pods get no systemd slice and runc refuses their "/k8s.io/<id>" cgroup path.)
                + (container ? "featureGates: {MemoryQoS: false}\n" : "")
                + taints;
    }

    private String kubeletUnit() {
        return unit("Kubernetes node agent", "kubelet", List.of(
                "--config=" + DIR + "/kubelet-config.yaml",
                "--kubeconfig=" + DIR + "/kubelet.kubeconfig",
                "--hostname-override=" + node.name(),
                "--node-ip=" + node.ip()),                      // the host-only address, not the NAT one all nodes share
                "containerd.service" + (container ? " " + NODE_PREP + ".service" : ""));
    }

    private String kubeProxyConfig() {
        return "# " + marker + "\n"
                + "apiVersion: kubeproxy.config.k8s.io/v1alpha1\n"
                + "kind: KubeProxyConfiguration\n"
                + "clientConnection: {kubeconfig: " + DIR + "/kube-proxy.kubeconfig}\n"
                + "mode: iptables\n"
                + "clusterCIDR: " + lab.flannel().network() + "\n"
                + "hostnameOverride: " + node.name() + "\n"
                // the node cannot set nf_conntrack_max (a host-wide value): leave it as it is
                + "conntrack: {maxPerCore: 0}\n";
    }

    private String kubeProxyUnit() {
        return unit("Kubernetes network proxy", "kube-proxy", List.of("--config=" + DIR + "/kube-proxy-config.yaml"),
                "network-online.target");
    }

    private String unit(String description, String binary, List<String> args, String after) {
        String wants = after.contains("containerd") ? "Wants=containerd.service\n" : "";
        return "# " + marker + "\n"
                + "[Unit]\n"
                + "Description=" + description + " (Overlay Lab)\n"
                + "After=" + after + "\n"
                + wants
                + "\n"
                + "[Service]\n"
                + "ExecStart=" + BIN_DIR + "/" + binary + " \\\n    " + String.join(" \\\n    ", args) + "\n"
                + "Restart=always\n"
                + "RestartSec=2\n"
                + "\n"
                + "[Install]\n"
                + "WantedBy=multi-user.target\n";
    }

    /** What kind does for kubelet in a container, done inside the node's own mount namespace at boot. */
    private String nodePrepScript() {
        return "#!/bin/sh\n"
                + "# " + marker + "\n"
                + "# kubelet reads /dev/kmsg and wants three kernel settings the node cannot change (/proc/sys is\n"
                + "# read-only in the container): /dev/kmsg becomes the console, the settings read as kubelet wants.\n"
                + "set -e\n"
                + "[ \"$(readlink /dev/kmsg)\" = /dev/console ] || { rm -f /dev/kmsg; ln -s /dev/console /dev/kmsg; }\n"
                + "mkdir -p /run/olab-sysctl\n"
                + "for kv in vm/overcommit_memory:1 kernel/panic:10 kernel/panic_on_oops:1; do\n"
                + "  k=$(echo \"$kv\" | cut -d: -f1); v=$(echo \"$kv\" | cut -d: -f2)\n"
                + "  f=/run/olab-sysctl/$(echo \"$k\" | tr / _)\n"
                + "  mountpoint -q \"/proc/sys/$k\" && continue\n"
                + "  echo \"$v\" > \"$f\"\n"
                + "  mount --bind \"$f\" \"/proc/sys/$k\"\n"
                + "done\n";
    }

    private String nodePrepUnit() {
        return "# " + marker + "\n"
                + "[Unit]\n"
                + "Description=Kubernetes in a container: /dev/kmsg and kubelet's /proc/sys values (Overlay Lab)\n"
                + "Before=containerd.service kubelet.service kube-proxy.service\n"
                + "\n"
                + "[Service]\n"
                + "Type=oneshot\n"
                + "RemainAfterExit=yes\n"
                + "ExecStart=/bin/sh " + NODE_PREP_SCRIPT + "\n"
                + "\n"
                + "[Install]\n"
                + "WantedBy=multi-user.target\n";
    }

    /**
     * runc with the OCI spec's cgroup resources (cpu, memory, pids, hugepages, unified) removed before
     * {@code create}/{@code run}: the node's cgroup v2 has no controllers delegated, and runc fails when
     * asked to set them (kind's ociwrapper does the same). Perl is in every Debian (perl-base).
     */
    private String runcWrapper() {
        return "#!/usr/bin/perl\n"
                + "# " + marker + "\n"
                + "# Pod limits are not enforced on local nodes: this drops them from the container's config.json.\n"
                + "my ($bundle, $cmd) = ('', '');\n"
                + "for (my $i = 0; $i < @ARGV; $i++) {\n"
                + "  if ($ARGV[$i] eq '--bundle' || $ARGV[$i] eq '-b') { $bundle = $ARGV[$i + 1]; }\n"
                + "  elsif ($ARGV[$i] =~ /^--bundle=(.*)/) { $bundle = $1; }\n"
                + "  elsif ($ARGV[$i] eq 'create' || $ARGV[$i] eq 'run') { $cmd = $ARGV[$i]; }\n"
                + "}\n"
                + "if ($cmd && $bundle && open(my $in, '<', \"$bundle/config.json\")) {\n"
                + "  local $/; my $json = <$in>; close $in;\n"
                + "  my $obj = qr/(\\{(?:[^{}\"]++|\"(?:[^\"\\\\]|\\\\.)*\"|(?-1))*\\})/;\n"
                + "  my $arr = qr/(\\[(?:[^\\[\\]\"]++|\"(?:[^\"\\\\]|\\\\.)*\"|(?-1))*\\])/;\n"
                + "  for my $k ('memory', 'cpu', 'pids', 'unified') { $json =~ s/\"$k\":$obj,?//g; }\n"
                + "  $json =~ s/\"hugepageLimits\":$arr,?//g;\n"
                + "  $json =~ s/,\\}/}/g;\n"
                + "  open(my $out, '>', \"$bundle/config.json\") or die \"olab-runc: $bundle/config.json: $!\";\n"
                + "  print $out $json; close $out;\n"
                + "}\n"
                + "exec '/usr/sbin/runc', @ARGV or die \"olab-runc: cannot run runc: $!\";\n";
    }
}
