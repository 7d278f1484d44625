package dev.overlaylab.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.render.kube.Pki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole Kubernetes labs rendered into the {@code olab render} folder layout (plus the host's admin
 * kubeconfig, and each node's file list with modes and restarts) and compared with golden folders: a nspawn lab (node-prep unit, runc wrapper, native
 * snapshotter), a VirtualBox lab with a tainted master and a three-node hosts lab with its own service
 * range and cluster domain.
 *
 * <p>Certificates and keys are new in every run, so before comparing, each PEM the lab's PKI folder holds
 * (and its base64 form in kubeconfigs) is replaced by the name of the file it came from, e.g.
 * {@code <pki apiserver.crt>}: every other byte is compared as rendered, and the golden files still show
 * which certificate went where. A PEM block left after that replacement fails the test.
 */
class KubeLabGoldenTest {
    @TempDir
    Path tmp;

    /** The lab of KubernetesLabEndToEndTest: local nspawn nodes, so the container-only files too. */
    @Test
    void localNspawnLabMatchesItsGoldenFolder() throws Exception {
        renderAndCompare("""
                name: kube-local
                provider: local
                profile: debian-12-nspawn
                network: {cidr: 192.168.82.0/24}
                nodes:
                  - {name: master, ip: 192.168.82.101}
                  - {name: node1, ip: 192.168.82.102}
                flannel:
                  network: 10.81.0.0/16
                  backend: {type: vxlan}
                  binary: {file: /var/cache/overlay-lab/flannel/flanneld-v0.28.9}
                verify: {pods: true, http: false, mtuProbe: false}
                kubernetes: {serviceCidr: 10.96.0.0/12}
                """);
    }

    /** A VirtualBox lab (Ubuntu 22.04, netplan) with Kubernetes and a master that runs no pods. */
    @Test
    void virtualBoxLabMatchesItsGoldenFolder() throws Exception {
        renderAndCompare("""
                name: kube-vbox
                provider: virtualbox
                profile: ubuntu-22.04
                network: {cidr: 192.168.56.0/24}
                nodes:
                  - {name: master, ip: 192.168.56.101}
                  - {name: node1, ip: 192.168.56.102}
                flannel:
                  network: 10.1.0.0/16
                  backend: {type: vxlan}
                kubernetes: {masterSchedulable: false}
                """);
    }

    /** Existing hosts, Debian 12 (not containers), three nodes, a service range and cluster domain of its own. */
    @Test
    void hostsLabMatchesItsGoldenFolder() throws Exception {
        renderAndCompare("""
                name: kube-hosts
                provider: hosts
                profile: debian-12
                network: {cidr: 192.168.57.0/24}
                nodes:
                  - {name: cp, ip: 192.168.57.10, ssh: {host: 192.168.57.10, user: root}}
                  - {name: w1, ip: 192.168.57.11, ssh: {host: 192.168.57.11, user: root}}
                  - {name: w2, ip: 192.168.57.12, ssh: {host: 192.168.57.12, user: root}}
                flannel:
                  network: 10.60.0.0/16
                  backend: {type: vxlan, DirectRouting: true}
                kubernetes: {serviceCidr: 10.200.0.0/16, clusterDomain: lab.internal, masterSchedulable: true}
                """);
    }

    private void renderAndCompare(String labYaml) throws Exception {
        Lab lab = LabLoader.parse(labYaml, Optional.empty());
        assertThat(lab.kubernetes()).isPresent();
        // -Dkube.rawDump=DIR keeps the PKI in DIR/<lab>/pki across runs and the unmasked tree in DIR/<lab>/raw,
        // so a change can be checked byte for byte, keys included (diff -r the raw trees of two runs)
        Optional<Path> dump = Optional.ofNullable(System.getProperty("kube.rawDump")).map(d -> Path.of(d, lab.name()));
        Pki pki = new Pki(dump.map(d -> d.resolve("pki")).orElse(tmp.resolve("pki")));
        Path out = dump.map(d -> d.resolve("raw")).orElse(tmp.resolve("out"));
        if (dump.isPresent()) {
            Golden.deleteTree(out);
        }
        Renderer renderer = Renderer.builtIn().withKubePki(pki);
        RenderedLab rendered = renderer.render(lab, Profiles.of(lab));
        RenderedLabWriter.write(rendered, out);
        // what the folder does not show: each file's order, mode, owner stage and the units it restarts
        Files.createDirectories(out.resolve("host"));
        for (Map.Entry<String, List<RenderedFile>> node : rendered.files().entrySet()) {
            StringBuilder meta = new StringBuilder();
            for (RenderedFile f : node.getValue()) {
                meta.append(String.format("%s %04o %s restarts=%s apply=%s%n", f.path(), f.mode(), f.component(), f.restarts(),
                        f.applyCommand().orElse("")));
            }
            Files.writeString(out.resolve("host/files-of-" + node.getKey() + ".txt"), meta);
        }
        Files.writeString(out.resolve("host/admin.kubeconfig"),
                renderer.adminKubeconfig(lab, Profiles.of(lab), "admin kubeconfig of lab " + lab.name() + ", written by olab kubeconfig"));
        if (dump.isPresent()) {
            Path copy = tmp.resolve("out");
            for (String f : Golden.files(out)) {
                Files.createDirectories(copy.resolve(f).getParent());
                Files.copy(out.resolve(f), copy.resolve(f));
            }
            out = copy;
        }
        Map<String, String> material = material(pki.dir());
        for (String f : Golden.files(out)) {
            Path p = out.resolve(f);
            String text = Files.readString(p);
            for (Map.Entry<String, String> e : material.entrySet()) {
                text = text.replace(e.getKey(), e.getValue());
            }
            assertThat(text).as("%s holds key material that is not from the lab's PKI folder", f).doesNotContain("-----BEGIN");
            Files.writeString(p, text);
        }
        Golden.assertTreeMatches("kube-labs/" + lab.name(), out);
    }

    /** Each PEM in the PKI folder, and its base64 form (kubeconfigs embed that), → the name it is kept under. */
    private static Map<String, String> material(Path pkiDir) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        List<Path> pems;
        try (Stream<Path> s = Files.list(pkiDir)) {
            pems = s.filter(p -> p.toString().endsWith(".crt") || p.toString().endsWith(".key") || p.toString().endsWith(".pub"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }
        for (Path p : pems) {
            String pem = Files.readString(p);
            out.put(Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8)), "<pki-base64 " + p.getFileName() + ">");
            out.put(pem, "<pki " + p.getFileName() + ">\n");
        }
        return out;
    }
}
