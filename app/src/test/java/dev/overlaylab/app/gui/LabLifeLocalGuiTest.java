package dev.overlaylab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.AppPrefs;
import dev.overlaylab.app.LabWindow;
import dev.overlaylab.app.life.LabListPanel;
import dev.overlaylab.app.progress.ProvisionPanel;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.progress.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.swing.JComboBox;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real local lab's whole life from the app: the lab list says "Not created", Provision from the
 * list builds it (systemd-nspawn nodes, etcd, flanneld, docker) and the header then says "Up"; the
 * Plan tab shows the engine's dry run; the Nodes tab reads etcd's and flanneld's journals, and the
 * shell command it offers logs in (run here with {@code true}); Down previews exactly this lab's
 * containers, bridge and folder, removes them, and the list says "Not created" again. Lab {@code al1},
 * host-only 192.168.87.0/24, flannel 10.87.0.0/16; removed afterwards whatever happened.
 */
@Tag("gui")
@Tag("integration")
class LabLifeLocalGuiTest {
    private static final String[] IPS = {"192.168.87.101", "192.168.87.102"};
    private static final Path FLANNELD = Path.of("/var/cache/overlay-lab/flannel/flanneld-v0.28.9");
    @RegisterExtension
    final AppOnScreen app = new AppOnScreen("life-e2e", Path.of(System.getProperty("olab.shots", "target/screenshots/life-e2e")));
    private final GuiDriver gui = app.gui();
    private AppContext ctx;
    private Path labFile;

    @TempDir
    Path dir;

    @BeforeEach
    void openApp() throws Exception {
        Prereq.require("root".equals(System.getProperty("user.name")), "needs root (the local provider boots nspawn nodes)");
        Prereq.require(Files.isRegularFile(FLANNELD), "no cached flanneld at " + FLANNELD + " (sudo ./olab setup local)");
        labFile = Files.writeString(dir.resolve("al1.yaml"), """
                name: al1
                provider: local
                profile: debian-12-nspawn
                network: {cidr: 192.168.87.0/24}
                nodes:
                  - {name: master, ip: 192.168.87.101}
                  - {name: node1, ip: 192.168.87.102}
                flannel:
                  version: 0.28.9
                  network: 10.87.0.0/16
                  backend: {type: vxlan}
                  binary: {file: %s}
                """.formatted(FLANNELD));
        forgetNodeHostKeys();
        AppPrefs prefs = app.prefs();
        prefs.addRecent(labFile);
        ctx = AppContext.real(prefs);
        app.mainFrame(ctx);
    }

    /** Takes the lab down before {@link AppOnScreen} closes the windows, whatever happened. */
    @AfterEach
    void removeLab() throws Exception {
        if (ctx == null) {
            return;
        }
        try {
            ctx.service().down(LabLoader.load(labFile), ProgressListener.NONE);
        } finally {
            forgetNodeHostKeys();
        }
    }

    private static void forgetNodeHostKeys() {
        dev.overlaylab.ssh.KnownHostsStore store = dev.overlaylab.ssh.KnownHostsStore.standard();
        for (String ip : IPS) {
            store.forget(ip, 22);
        }
    }

    @Test
    void listProvisionPlanLogsShellAndDown() throws Exception {
        LabListPanel list = gui.get("labList");
        GuiDriver.waitFor("state of al1", () -> list.stateText(0).equals("Not created"), Duration.ofSeconds(60));
        gui.screenshot("labList", "e2e-list-not-created");

        // Provision from the list: the lab opens on its Provision tab and comes up
        gui.click("labList.provision");
        LabWindow w = gui.get("labWindow");
        ProvisionPanel prov = GuiDriver.onEdt(w::provisionPanel);
        GuiDriver.waitFor("provisioning to start", prov::isRunning, Duration.ofSeconds(30));
        GuiDriver.waitFor("provisioning to end", () -> !prov.isRunning(), Duration.ofMinutes(10));
        GuiDriver.waitFor("header says up", () -> w.life().stateText().equals("Up"), Duration.ofMinutes(2));
        gui.screenshot("labWindow", "e2e-provisioned");

        // Plan: the engine's dry run of this lab
        GuiDriver.onEdt(() -> {
            w.tabs().setSelectedComponent(w.plan());
            return null;
        });
        GuiDriver.waitFor("plan", () -> !w.plan().isLoading() && w.plan().planText().contains("== docker"), Duration.ofMinutes(1));
        assertThat(GuiDriver.onEdt(() -> w.plan().planText())).contains("== nodes", "systemd-nspawn", "ol-al1-master", "192.168.87.101");
        gui.screenshot("labWindow", "e2e-plan");

        // Nodes: etcd's journal on master, then flanneld's; the shell command logs in
        GuiDriver.onEdt(() -> {
            w.tabs().setSelectedComponent(w.nodes());
            return null;
        });
        JComboBox<?> units = gui.get("nodes.unit");
        JTextArea log = gui.get("nodes.log");
        GuiDriver.waitFor("etcd's journal", () -> units.getItemCount() >= 3 && log.getText().contains("etcd"), Duration.ofMinutes(1));
        GuiDriver.onEdt(() -> {
            units.setSelectedItem("flanneld");
            return null;
        });
        gui.click("nodes.refresh");
        GuiDriver.waitFor("flanneld's journal", () -> !w.nodes().isLoading() && log.getText().contains("flanneld"), Duration.ofMinutes(1));
        gui.screenshot("labWindow", "e2e-nodes-flanneld");
        gui.click("nodes.shell");
        JTextField command = gui.get("nodes.command");
        GuiDriver.waitFor("shell command", () -> command.isShowing() && !command.getText().isEmpty());
        String line = GuiDriver.onEdt(command::getText);
        assertThat(line).startsWith("ssh ").endsWith("root@192.168.87.101");
        List<String> argv = new ArrayList<>(List.of("sh", "-c", line.replace("ssh -t ", "ssh -o BatchMode=yes ") + " hostname"));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as("the offered command logs in: " + out).isZero();
        assertThat(out.strip()).isEqualTo("master");

        // Down: preview names this lab's containers and bridge; confirm; everything is gone
        gui.click("life.down");
        JTextArea preview = gui.get("down.list");
        GuiDriver.waitFor("down preview", () -> preview.getText().contains("ol-al1-node1"), Duration.ofMinutes(1));
        String previewed = GuiDriver.onEdt(preview::getText);
        assertThat(previewed).contains("stop and remove container ol-al1-master (running", "delete the host-only bridge olb-",
                "delete the lab's folder /var/lib/overlay-lab/al1");
        gui.screenshot("down", "e2e-down-preview");
        gui.click("down.confirm");
        GuiDriver.waitFor("down done", () -> GuiDriver.find("down.cancel").map(c -> ((javax.swing.JButton) c).getText().equals("Close"))
                .orElse(false), Duration.ofMinutes(3));
        gui.screenshot("down", "e2e-down-done");
        assertThat(Files.exists(Path.of("/var/lib/overlay-lab/al1"))).isFalse();
        assertThat(ProcessHandle.allProcesses().map(h -> h.info().commandLine().orElse(""))
                .filter(c -> c.contains("systemd-nspawn") && c.contains("ol-al1-")).toList()).isEmpty();
        assertThat(ctx.service().downPreview(LabLoader.load(labFile))).as("nothing left to remove").isEmpty();
        gui.click("down.cancel");
        GuiDriver.waitFor("header says not created", () -> w.life().stateText().equals("Not created"), Duration.ofSeconds(60));

        // back on the start screen, the list agrees
        GuiDriver.onEdt(() -> {
            ctx.frame().showStart();
            return null;
        });
        GuiDriver.waitFor("list says not created", () -> list.stateText(0).equals("Not created"), Duration.ofSeconds(60));
    }
}
