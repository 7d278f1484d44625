package dev.overlaylab.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.regen.LabEdits;
import dev.overlaylab.app.wizard.BackendChoice;
import dev.overlaylab.model.Lab;
import dev.overlaylab.provider.hosts.PasswordPrompt;
import dev.overlaylab.render.RenderedFile;
import dev.overlaylab.ssh.HostKeyListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab file with {@code templates:} opened in the app: the app loads and renders through the same
 * LabLoader and Wiring as the CLI, so Provision, Apply and the config views get the lab's templates,
 * and the regenerate view's edits keep the folder.
 */
class LabTemplatesInTheAppTest {
    private static final String DROP_IN = "/etc/systemd/system/docker.service.d/10-flannel.conf";

    @TempDir
    Path tmp;

    @Test
    void aLabFileWithTemplatesOpensAndRendersItsTemplatesAndEditsKeepTheFolder() throws Exception {
        Files.writeString(Files.createDirectories(tmp.resolve("labs/mine/docker")).resolve("10-flannel.conf.ftl"),
                "# ${managed}\n# the lab's own drop-in on ${node.name}\n");
        Path file = Files.writeString(tmp.resolve("labs/app-tpl.yaml"), """
                name: app-tpl
                provider: local
                profile: debian-12-nspawn
                network: {cidr: 192.168.56.0/24}
                templates: mine
                """);
        EngineLabService service = new EngineLabService(HostKeyListener.NONE, PasswordPrompt.NONE);

        Lab lab = service.load(file);
        assertThat(lab.templates()).contains(tmp.resolve("labs/mine").toAbsolutePath());
        assertThat(service.validate(Files.readString(file), java.util.Optional.of(file)).lab()).contains(lab);
        for (String node : new String[] {"master", "node1"}) {
            RenderedFile dropIn = service.render(lab).filesOf(node).stream().filter(f -> f.path().equals(DROP_IN)).findFirst().orElseThrow();
            assertThat(dropIn.content()).endsWith("# the lab's own drop-in on " + node + "\n");
        }

        assertThat(LabEdits.withDockerMtu(lab, OptionalInt.of(1400)).templates()).isEqualTo(lab.templates());
        assertThat(LabEdits.withBackend(lab, BackendChoice.HOST_GW).templates()).isEqualTo(lab.templates());
    }
}
