package dev.overlaylab.render.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.render.RenderedFile;
import dev.overlaylab.render.Renderer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a Kubernetes lab's nodes are given, and that its certificates are made once and say the right names. */
class KubeFilesTest {
    @TempDir
    Path tmp;

    private static Lab lab(String extra) throws Exception {
        return LabLoader.parse("""
                name: k8c
                provider: local
                network: {cidr: 192.168.81.0/24}
                flannel: {network: 10.81.0.0/16}
                """ + extra, Optional.empty());
    }

    /** The node's Kubernetes files, rendered from the built-in templates with {@code pki}. */
    private static List<RenderedFile> kubeFiles(Lab lab, Node node, Pki pki) throws Exception {
        return Renderer.builtIn().withKubePki(pki).renderNode(lab, Profiles.of(lab), node).stream()
                .filter(f -> f.component().startsWith("kube-")).toList();
    }

    private static Map<String, RenderedFile> files(Lab lab, Node node, Pki pki) throws Exception {
        return kubeFiles(lab, node, pki).stream().collect(Collectors.toMap(RenderedFile::path, Function.identity()));
    }

    @Test
    void aLabWithoutTheSectionGetsNothing() throws Exception {
        Lab lab = lab("");
        assertThat(KubeFiles.of(lab, Profiles.of(lab), lab.master(), new Pki(tmp))).isEmpty();
        assertThat(kubeFiles(lab, lab.master(), new Pki(tmp))).isEmpty();
    }

    @Test
    void theMasterRunsTheControlPlaneOnItsHostOnlyAddressAndEveryNodeKubelet() throws Exception {
        Lab lab = lab("kubernetes: {masterSchedulable: false}\n");
        Pki pki = new Pki(tmp);
        Map<String, RenderedFile> master = files(lab, lab.master(), pki);
        Map<String, RenderedFile> node1 = files(lab, lab.nodes().get(1), pki);
        String apiserver = master.get("/etc/systemd/system/kube-apiserver.service").content();
        assertThat(apiserver).contains("--advertise-address=192.168.81.101", "--etcd-servers=http://192.168.81.101:2379",
                "--etcd-prefix=/registry", "--service-cluster-ip-range=10.96.0.0/12");
        assertThat(master.get("/etc/systemd/system/kube-controller-manager.service").content())
                .contains("--cluster-cidr=10.81.0.0/16", "--allocate-node-cidrs=false");
        assertThat(node1).doesNotContainKey("/etc/systemd/system/kube-apiserver.service");
        assertThat(node1.get("/etc/systemd/system/kubelet.service").content()).contains("--node-ip=192.168.81.102",
                "--hostname-override=node1");
        assertThat(node1.get("/etc/kubernetes/kubelet.kubeconfig").content()).contains("server: https://192.168.81.101:6443");
        assertThat(node1.get("/etc/kubernetes/kube-proxy-config.yaml").content()).contains("clusterCIDR: 10.81.0.0/16",
                "conntrack: {maxPerCore: 0}");
        assertThat(master.get("/etc/kubernetes/kubelet-config.yaml").content()).contains("registerWithTaints",
                "node-role.kubernetes.io/control-plane");
        assertThat(node1.get("/etc/kubernetes/kubelet-config.yaml").content()).doesNotContain("registerWithTaints")
                .contains("cgroupDriver: systemd", "failSwapOn: false", "imageGCHighThresholdPercent: 100", "cgroupsPerQOS: false");
        // nspawn nodes: native snapshotter, restricted oom_score_adj, the runc wrapper
        assertThat(node1.get("/etc/containerd/config.toml").content()).contains("snapshotter = \"native\"",
                "restrict_oom_score_adj = true", "BinaryName = \"/usr/local/sbin/olab-runc\"", "sandbox_image = \"docker.io/olab/pause:1\"");
        assertThat(master.values()).allSatisfy(f -> assertThat(f.content()).contains("managed by Overlay Lab (lab k8c,"));
    }

    @Test
    void renderingAgainGivesTheSameBytesAndTheApiserverCertificateNamesTheMaster() throws Exception {
        Lab lab = lab("kubernetes: {}\n");
        List<RenderedFile> first = kubeFiles(lab, lab.master(), new Pki(tmp));
        List<RenderedFile> second = kubeFiles(lab, lab.master(), new Pki(tmp));
        assertThat(second).isEqualTo(first);
        String cert = first.stream().filter(f -> f.path().endsWith("/apiserver.crt")).findFirst().orElseThrow().content();
        assertThat(Pki.sans(cert.substring(cert.indexOf("-----BEGIN")))).contains("192.168.81.101", "10.96.0.1", "127.0.0.1",
                "kubernetes.default.svc.cluster.local", "master");
    }

    @Test
    void aMovedMasterGetsANewApiserverCertificateAndKeepsItsCa() throws Exception {
        Lab lab = lab("kubernetes: {}\n");
        Pki pki = new Pki(tmp);
        String ca = pki.caCert();
        String before = files(lab, lab.master(), pki).get("/etc/kubernetes/pki/apiserver.crt").content();
        Lab moved = lab("nodes: [{name: master, ip: 192.168.81.150}, {name: node1}]\nkubernetes: {}\n");
        String after = files(moved, moved.master(), pki).get("/etc/kubernetes/pki/apiserver.crt").content();
        assertThat(after).isNotEqualTo(before);
        assertThat(Pki.sans(after.substring(after.indexOf("-----BEGIN")))).contains("192.168.81.150").doesNotContain("192.168.81.101");
        assertThat(pki.caCert()).isEqualTo(ca);
    }
}
