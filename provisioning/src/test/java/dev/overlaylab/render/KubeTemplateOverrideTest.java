package dev.overlaylab.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.render.kube.Pki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's templates folder replaces Kubernetes templates one file at a time, as it does the others. */
class KubeTemplateOverrideTest {
    private static final String KUBELET_CONFIG = "/etc/kubernetes/kubelet-config.yaml";

    @TempDir
    Path tmp;

    private static Lab lab() throws Exception {
        return LabLoader.parse("""
                name: kube-override
                provider: local
                profile: debian-12-nspawn
                network: {cidr: 192.168.83.0/24}
                flannel: {network: 10.83.0.0/16}
                kubernetes: {masterSchedulable: false}
                """, Optional.empty());
    }

    @Test
    void overridingTheKubeletConfigChangesThatFileOnEveryNodeAndNothingElse() throws Exception {
        Lab lab = lab();
        Pki pki = new Pki(tmp.resolve("pki"));
        Path folder = Files.createDirectories(tmp.resolve("templates/kube"));
        Files.writeString(folder.resolve("kubelet-config.yaml.ftl"), """
                # ${managed}
                apiVersion: kubelet.config.k8s.io/v1beta1
                kind: KubeletConfiguration
                clusterDomain: ${kube.clusterDomain}
                maxPods: 20
                <#if node.name == kube.master.name>
                # master ${kube.master.ip}
                </#if>
                """);
        RenderedLab builtIn = Renderer.builtIn().withKubePki(pki).render(lab, Profiles.of(lab));
        RenderedLab custom = Renderer.withUserTemplates(tmp.resolve("templates")).withKubePki(pki).render(lab, Profiles.of(lab));

        for (String node : List.of("master", "node1")) {
            Map<String, RenderedFile> before = byPath(builtIn.filesOf(node));
            Map<String, RenderedFile> after = byPath(custom.filesOf(node));
            assertThat(after.keySet()).as("the same files on %s", node).containsExactlyElementsOf(before.keySet());
            for (String path : before.keySet()) {
                if (!path.equals(KUBELET_CONFIG)) {
                    assertThat(after.get(path)).as("%s on %s is not the overridden template's", path, node).isEqualTo(before.get(path));
                }
            }
            assertThat(after.get(KUBELET_CONFIG)).isNotEqualTo(before.get(KUBELET_CONFIG));
            assertThat(after.get(KUBELET_CONFIG).restarts()).containsExactly("kubelet");
        }
        assertThat(byPath(custom.filesOf("node1")).get(KUBELET_CONFIG).content()).isEqualTo(
                "# managed by Overlay Lab (lab kube-override, kubernetes): edits are overwritten by olab up\n"
                        + "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nclusterDomain: cluster.local\nmaxPods: 20\n");
        assertThat(byPath(custom.filesOf("master")).get(KUBELET_CONFIG).content()).endsWith("maxPods: 20\n# master 192.168.83.101\n");
        assertThat(custom.networkConfigJson()).isEqualTo(builtIn.networkConfigJson());
    }

    @Test
    void aKubernetesTemplateUsingAVariableTheModelLacksNamesTemplateLineAndNode() throws Exception {
        Lab lab = lab();
        Path folder = Files.createDirectories(tmp.resolve("templates/kube"));
        Files.writeString(folder.resolve("kube-proxy.service.ftl"), "# ${managed}\n[Service]\nExecStart=${kube.proxyBinary}\n");
        Renderer custom = Renderer.withUserTemplates(tmp.resolve("templates")).withKubePki(new Pki(tmp.resolve("pki")));
        assertThatThrownBy(() -> custom.renderNode(lab, Profiles.of(lab), lab.nodes().get(1)))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("kube/kube-proxy.service.ftl")
                .hasMessageContaining("node node1")
                .hasMessageContaining("line 3")
                .hasMessageContaining("kube.proxyBinary");
    }

    private static Map<String, RenderedFile> byPath(List<RenderedFile> files) {
        Map<String, RenderedFile> m = new java.util.LinkedHashMap<>();
        files.forEach(f -> m.put(f.path(), f));
        return m;
    }
}
