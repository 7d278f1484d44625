package dev.overlaylab.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.provider.hosts.PasswordPrompt;
import dev.overlaylab.render.RenderException;
import dev.overlaylab.render.RenderedFile;
import dev.overlaylab.render.RenderedLab;
import dev.overlaylab.render.Renderer;
import dev.overlaylab.ssh.HostKeyListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Wiring.render} is what {@code up}, {@code apply}, {@code diff}, {@code diagnose --fix}, verify's
 * expectations and the app render through: a lab file's {@code templates:} folder must reach it.
 */
class WiringRendersTheLabsTemplatesTest {
    private static final String DROP_IN = "/etc/systemd/system/docker.service.d/10-flannel.conf";
    private static final String LAB = """
            name: tpl-wiring
            provider: local
            profile: debian-12-nspawn
            network: {cidr: 192.168.56.0/24}
            nodes: [{name: master}, {name: node1}, {name: node2}]
            """;

    @TempDir
    Path tmp;

    private final Wiring wiring = new Wiring(HostKeyListener.NONE, PasswordPrompt.NONE);

    @Test
    void theOverriddenTemplateReachesEveryNodeAndEverythingElseIsTheBuiltInRender() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("labs/my-templates/docker"));
        Files.writeString(dir.resolve("10-flannel.conf.ftl"), """
                # ${managed}
                [Service]
                EnvironmentFile=${flannel.subnetEnv}
                ExecStart=
                ExecStart=${docker.daemon} --bip=${r"${FLANNEL_SUBNET}"} --mtu=${r"${FLANNEL_MTU}"} --log-level=debug
                # node ${node.name}
                """);
        Path file = Files.writeString(tmp.resolve("labs/lab.yaml"), LAB + "templates: my-templates\n");
        Lab lab = LabLoader.load(file);
        Lab plain = LabLoader.parse(LAB, java.util.Optional.empty());

        RenderedLab custom = wiring.render(lab);
        RenderedLab builtIn = Renderer.builtIn().render(plain, Profiles.of(plain));

        for (String node : List.of("master", "node1", "node2")) {
            Map<String, RenderedFile> before = byPath(builtIn.filesOf(node));
            Map<String, RenderedFile> after = byPath(custom.filesOf(node));
            assertThat(after.keySet()).as("the same files on %s", node).containsExactlyElementsOf(before.keySet());
            for (String path : before.keySet()) {
                if (!path.equals(DROP_IN)) {
                    assertThat(after.get(path)).as("%s on %s", path, node).isEqualTo(before.get(path));
                }
            }
            RenderedFile dropIn = after.get(DROP_IN);
            assertThat(dropIn.content()).as("the lab's template on %s", node)
                    .contains("--log-level=debug", "# node " + node).doesNotContain("Requires=");
            assertThat(dropIn.restarts()).isEqualTo(before.get(DROP_IN).restarts());
            assertThat(dropIn.mode()).isEqualTo(before.get(DROP_IN).mode());
        }
        assertThat(custom.networkConfigJson()).isEqualTo(builtIn.networkConfigJson());
    }

    @Test
    void aLabWithoutTemplatesRendersTheBuiltInTemplates() throws Exception {
        Lab plain = LabLoader.parse(LAB, java.util.Optional.empty());
        RenderedLab viaWiring = wiring.render(plain);
        RenderedLab builtIn = Renderer.builtIn().render(plain, Profiles.of(plain));
        for (String node : List.of("master", "node1", "node2")) {
            assertThat(viaWiring.filesOf(node)).isEqualTo(builtIn.filesOf(node));
        }
    }

    @Test
    void aFolderRemovedAfterTheLabWasLoadedIsARenderErrorNamingTheLab() throws Exception {
        Files.createDirectories(tmp.resolve("labs/gone"));
        Lab lab = LabLoader.load(Files.writeString(tmp.resolve("labs/lab.yaml"), LAB + "templates: gone\n"));
        Files.delete(tmp.resolve("labs/gone"));

        assertThatThrownBy(() -> wiring.render(lab)).isInstanceOf(RenderException.class)
                .hasMessageContaining(tmp.resolve("labs/gone").toString()).hasMessageContaining("templates: of lab tpl-wiring");
    }

    private static Map<String, RenderedFile> byPath(List<RenderedFile> files) {
        Map<String, RenderedFile> m = new LinkedHashMap<>();
        files.forEach(f -> m.put(f.path(), f));
        return m;
    }
}
