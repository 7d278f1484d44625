package dev.overlaylab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.AppPrefs;
import dev.overlaylab.app.engine.EngineLabService;
import dev.overlaylab.app.engine.HostKeyNotices;
import dev.overlaylab.app.life.NodesPanel;
import dev.overlaylab.app.life.PlanPanel;
import dev.overlaylab.cli.Olab;
import dev.overlaylab.compose.LabStatus.State;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.progress.ProgressEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.swing.JComboBox;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The Plan tab shows what {@code olab up --dry-run} prints (the real engine's dry run, compared with
 * the real CLI's output line by line), and the Nodes tab reads a service's journal (bounded by the
 * lines asked) and opens a shell: in a terminal program found on PATH, or as a command to copy.
 */
@Tag("gui")
class PlanAndNodesGuiTest {
    @RegisterExtension
    final AppOnScreen app = new AppOnScreen("plan", Path.of(System.getProperty("olab.shots", "target/screenshots/life")));
    private final GuiDriver gui = app.gui();
    private Path labFile;

    @TempDir
    Path dir;

    @BeforeEach
    void lab() throws Exception {
        labFile = Files.writeString(dir.resolve("al-plan.yaml"), """
                name: al-plan
                provider: local
                profile: debian-12-nspawn
                network: {cidr: 192.168.87.0/24}
                nodes:
                  - {name: master, ip: 192.168.87.101}
                  - {name: node1, ip: 192.168.87.102}
                flannel: {network: 10.87.0.0/16}
                """);
    }

    private <T extends java.awt.Container> T show(java.util.function.Function<AppContext, T> panel, dev.overlaylab.app.engine.LabService s,
            AppPrefs.Theme theme) throws Exception {
        return app.show("test", 1024, 700, theme, () -> panel.apply(app.context(s)));
    }

    @Test
    void planIsWhatUpDryRunPrints() throws Exception {
        EngineLabService engine = new EngineLabService(new HostKeyNotices(), (node, why) -> Optional.empty());
        LifeDouble service = new LifeDouble() {
            @Override
            public List<ProgressEvent> plan(Lab lab) throws Exception {
                return engine.plan(lab);
            }
        };
        Lab lab = LabLoader.load(labFile);
        PlanPanel plan = show(ctx -> new PlanPanel(ctx, lab), service, AppPrefs.Theme.LIGHT);
        GuiDriver.waitFor("plan", () -> !plan.isLoading() && !plan.planText().isEmpty(), Duration.ofSeconds(60));
        gui.screenshot("plan", "plan-light-1024");

        StringWriter cli = new StringWriter();
        CommandLine olab = Olab.commandLine();
        olab.setOut(new PrintWriter(cli));
        int exit = olab.execute("up", labFile.toString(), "--dry-run");
        assertThat(exit).as(cli.toString()).isZero();
        // every stage, node, step and detail line the CLI prints, in the CLI's order (the app says "(whole lab)" for "(lab)")
        List<String> cliLines = cli.toString().lines().filter(l -> l.startsWith("==") || l.startsWith("  "))
                .map(l -> l.replace("(lab)", "(whole lab)")).toList();
        List<String> appLines = GuiDriver.onEdt(plan::planText).lines().filter(l -> !l.isBlank()).toList();
        assertThat(cliLines).isNotEmpty();
        assertThat(appLines).isEqualTo(cliLines);
        assertThat(appLines).anyMatch(l -> l.contains("systemd-nspawn"));
    }

    @Test
    void nodesTabShowsTheJournalAskedForAndTheShellCommandWhenNoTerminalIsFound() throws Exception {
        LifeDouble service = new LifeDouble();
        Lab lab = LabLoader.load(labFile);
        NodesPanel nodes = show(ctx -> new NodesPanel(ctx, lab, program -> Optional.empty()), service, AppPrefs.Theme.DARK);
        assertThat(GuiDriver.textOf(nodes)).contains("The lab is not up");
        assertThat(gui.enabled("nodes.refresh")).isFalse();

        GuiDriver.onEdt(() -> {
            nodes.onState(Optional.of(LifeDouble.state(State.UP, "every node is reachable")));
            return null;
        });
        JComboBox<?> units = gui.get("nodes.unit");
        GuiDriver.waitFor("units of master", () -> units.getItemCount() == 4);
        assertThat(GuiDriver.onEdt(() -> units.getItemAt(3))).isEqualTo("kubelet");
        JTextArea log = gui.get("nodes.log");
        GuiDriver.waitFor("etcd's journal", () -> log.getText().contains("master etcd[42]: started (200 lines asked)"));

        gui.spin("nodes.lines", 500);
        GuiDriver.onEdt(() -> {
            units.setSelectedItem("flanneld");
            return null;
        });
        gui.click("nodes.refresh");
        GuiDriver.waitFor("flanneld's journal", () -> log.getText().contains("master flanneld[42]: started (500 lines asked)"));
        assertThat(service.journalLines).containsExactly(200, 500);

        gui.click("nodes.shell");
        JTextField command = gui.get("nodes.command");
        GuiDriver.waitFor("command to copy", () -> command.isShowing() && !command.getText().isEmpty());
        assertThat(GuiDriver.<String>onEdt(command::getText)).isEqualTo("ssh -t -i /keys/id_ed25519 root@192.168.87.101");
        assertThat(GuiDriver.textOf(nodes)).contains("No terminal program was found on this computer");
        gui.screenshot("nodes", "nodes-dark-1024");
    }

    @Test
    void aTerminalFoundOnPathIsStartedWithTheShellCommand() throws Exception {
        // a stand-in terminal: a real program that writes the arguments it was started with
        Path out = dir.resolve("xterm-args");
        Path xterm = Files.writeString(dir.resolve("xterm"), "#!/bin/sh\nprintf '%s\\n' \"$@\" > " + out + "\n");
        Files.setPosixFilePermissions(xterm, PosixFilePermissions.fromString("rwx------"));
        LifeDouble service = new LifeDouble();
        Lab lab = LabLoader.load(labFile);
        NodesPanel nodes = show(ctx -> new NodesPanel(ctx, lab, p -> p.equals("xterm") ? Optional.of(xterm) : Optional.empty()),
                service, AppPrefs.Theme.LIGHT);
        GuiDriver.onEdt(() -> {
            nodes.onState(Optional.of(LifeDouble.state(State.BROKEN, "node1: flanneld is not running")));
            return null;
        });
        gui.click("nodes.shell");
        GuiDriver.waitFor("terminal started", () -> Files.exists(out) && GuiDriver.find("nodes.shellText").map(java.awt.Component::isShowing)
                .orElse(false), Duration.ofSeconds(20));
        GuiDriver.waitFor("arguments written", () -> {
            try {
                return Files.readAllLines(out).size() == 6;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertThat(Files.readAllLines(out)).containsExactly("-e", "ssh", "-t", "-i", "/keys/id_ed25519", "root@192.168.87.101");
        assertThat(GuiDriver.textOf(nodes)).contains("A shell on master opened in xterm.");
        assertThat(GuiDriver.find("nodes.command").map(java.awt.Component::isShowing).orElse(false)).isFalse();
    }
}
