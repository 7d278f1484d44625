package dev.overlaylab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.AppPrefs;
import dev.overlaylab.app.engine.RunSummary;
import dev.overlaylab.app.progress.ProvisionPanel;
import dev.overlaylab.app.progress.StageCell;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressListener;
import java.awt.Window;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.JButton;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The provisioning view's own behaviour — Cancel and "Retry from here" — against an in-process
 * engine double that behaves like the engine does: events from a worker thread, a failure as a
 * FAILED event, and an interrupt honoured by throwing InterruptedException.
 */
@Tag("gui")
class ProvisionPanelGuiTest {
    @RegisterExtension
    final AppOnScreen app = new AppOnScreen("provtest", Path.of("target", "screenshots", "provision"));
    private final GuiDriver gui = app.gui();
    private final List<Optional<String>> upCalls = new CopyOnWriteArrayList<>();
    private volatile boolean failEtcdOnce = true;
    private volatile boolean blockInFlanneld;
    /** The lab-wide nodes stage fails as a VirtualBox provision does on a machine whose VirtualBox cannot start VMs. */
    private volatile boolean failNodesLabWide;
    private Window frame;
    private ProvisionPanel panel;

    @BeforeEach
    void show() throws Exception {
        Lab lab = LabLoader.parse("""
                name: olg-prov
                provider: hosts
                profile: debian-12
                network: {cidr: 192.168.58.0/24}
                nodes:
                  - {name: master, ip: 192.168.58.101}
                  - {name: node1, ip: 192.168.58.102}
                """, Optional.empty());
        AppContext ctx = app.context(new ScriptedEngine());
        panel = app.show("provision", 1200, 700, AppPrefs.Theme.LIGHT, () -> new ProvisionPanel(ctx, lab));
        frame = GuiDriver.onEdt(() -> SwingUtilities.getWindowAncestor(panel));
    }

    @Test
    void failureShowsItsEvidenceAndRetryStartsFromTheFailedStage() throws Exception {
        gui.click("provision.start");
        GuiDriver.waitFor("the failure", () -> !panel.isRunning() && panel.grid().firstFailure().isPresent());
        gui.screenshot("provisionPanel", "failed");
        assertThat(GuiDriver.onEdt(() -> panel.grid().cell("master", "etcd").state())).isEqualTo(StageCell.State.FAILED);
        JTextArea log = gui.get("provision.log");
        assertThat((String) GuiDriver.onEdt(log::getText)).contains("etcd did not answer on 192.168.58.101:2379");

        gui.click("provision.retry");
        GuiDriver.waitFor("the retry to finish", () -> !panel.isRunning() && upCalls.size() == 2);
        assertThat(upCalls).containsExactly(Optional.empty(), Optional.of("etcd"));
        assertThat(GuiDriver.onEdt(() -> panel.grid().cell("master", "base").state())).isEqualTo(StageCell.State.CHANGED);
        assertThat(GuiDriver.onEdt(() -> panel.grid().cell("master", "etcd").state())).isEqualTo(StageCell.State.CHANGED);
        assertThat(GuiDriver.onEdt(() -> panel.grid().progress())).isEqualTo(1.0);
    }

    @Test
    void cancelStopsTheRunAndProvisionComesBackOnlyWhenTheEngineHasStopped() throws Exception {
        failEtcdOnce = false;
        blockInFlanneld = true;
        gui.click("provision.start");
        GuiDriver.waitFor("flanneld running", () -> panel.grid().cell("node1", "flanneld").state() == StageCell.State.RUNNING);
        gui.click("provision.cancel");
        GuiDriver.waitFor("the run to stop", () -> !panel.isRunning(), Duration.ofSeconds(10));
        JButton start = gui.get("provision.start");
        GuiDriver.waitFor("Provision enabled again", start::isEnabled, Duration.ofSeconds(10));
        gui.screenshot("provisionPanel", "cancelled");
        assertThat(GuiDriver.onEdt(() -> panel.grid().cell("node1", "flanneld").state())).isEqualTo(StageCell.State.CANCELLED);
        JTextArea log = gui.get("provision.log");
        assertThat((String) GuiDriver.onEdt(log::getText)).contains("Cancelled by you");
    }

    /**
     * Issue 12 item 6: a failed VirtualBox provision said "failed on node —" (no name) for a lab-wide
     * step, "see the error above" for an error shown below, and left the bar blue at 8 % with the other
     * cells "Pending". Now: the lab, not a blank node; "below"; a red bar that says it stopped; "Not run".
     */
    @Test
    void aLabWideFailureNamesNoBlankNodeAndStopsTheBarAndTheGrid() throws Exception {
        failNodesLabWide = true;
        failEtcdOnce = false;
        gui.click("provision.start");
        GuiDriver.waitFor("the failure", () -> !panel.isRunning() && panel.grid().firstFailure().isPresent());
        gui.screenshot("provisionPanel", "failed-lab-wide");
        String banner = GuiDriver.textOf(gui.get("provision.failure"));
        assertThat(banner).contains("for the whole lab", "kernel driver is not loaded", "What to do: load it with")
                .doesNotContain("node \u2014", "\u2014 at", "check that master", "olab");
        javax.swing.JLabel status = gui.get("provision.status");
        assertThat((String) GuiDriver.onEdt(status::getText)).contains("below");
        java.awt.Component failure = gui.get("provision.failure");
        int statusY = GuiDriver.onEdt(() -> javax.swing.SwingUtilities.convertPoint(status, 0, 0, panel).y);
        int failureY = GuiDriver.onEdt(() -> javax.swing.SwingUtilities.convertPoint(failure, 0, 0, panel).y);
        assertThat(failureY).as("the error is below the status that points to it").isGreaterThan(statusY);
        javax.swing.JProgressBar bar = gui.get("provision.bar");
        assertThat((String) GuiDriver.onEdt(bar::getString)).startsWith("Stopped at");
        java.awt.Color fg = GuiDriver.onEdt(bar::getForeground);
        assertThat(fg).isEqualTo(javax.swing.UIManager.getColor("OverlayLab.failed"));
        for (String row : List.of("master", "node1")) {
            assertThat(GuiDriver.onEdt(() -> panel.grid().cell(row, "base").state())).isEqualTo(StageCell.State.NOT_RUN);
        }
        // Retry starts again from the failed stage, and the bar is an ordinary bar again.
        failNodesLabWide = false;
        gui.click("provision.retry");
        GuiDriver.waitFor("the retry to finish", () -> !panel.isRunning() && upCalls.size() == 2);
        assertThat((String) GuiDriver.onEdt(bar::getString)).isEqualTo("100 %");
        assertThat(GuiDriver.onEdt(bar::getForeground)).isNotEqualTo(javax.swing.UIManager.getColor("OverlayLab.failed"));
    }

    /** Issue 12 item 9: Tab walked the stage grid cell by cell; now the grid is one Tab stop. */
    @Test
    void tabLeavesTheStageGridInOneStep() throws Exception {
        javax.swing.JTable grid = gui.get("provision.grid");
        GuiDriver.onEdt(() -> {
            frame.toFront();
            grid.requestFocusInWindow();
            grid.changeSelection(0, 1, false, false);
            return null;
        });
        GuiDriver.waitFor("the grid focused", grid::isFocusOwner);
        int column = GuiDriver.onEdt(grid::getSelectedColumn);
        java.awt.Robot robot = new java.awt.Robot();
        robot.keyPress(java.awt.event.KeyEvent.VK_TAB);
        robot.keyRelease(java.awt.event.KeyEvent.VK_TAB);
        GuiDriver.waitFor("focus to leave the grid", () -> !grid.isFocusOwner(), Duration.ofSeconds(5));
        assertThat(GuiDriver.onEdt(grid::getSelectedColumn)).as("Tab did not move to the next cell").isEqualTo(column);
    }

    /** Emits what the engine emits; fails etcd once; may block in flanneld until interrupted. */
    private final class ScriptedEngine extends LabServiceDouble {
        @Override
        public RunSummary up(Lab lab, Optional<String> fromStage, ProgressListener progress) throws Exception {
            upCalls.add(fromStage);
            List<String> stages = List.of("nodes", "base", "etcd", "network-config", "flanneld", "docker", "verify");
            int from = fromStage.map(stages::indexOf).orElse(0);
            for (String stage : stages.subList(from, stages.size())) {
                List<String> rows = switch (stage) {
                    case "etcd" -> List.of("master");
                    case "network-config", "verify" -> List.of("");
                    default -> List.of("master", "node1");
                };
                if (stage.equals("nodes")) {
                    rows = List.of("", "master", "node1");
                }
                for (String node : rows) {
                    progress.on(ProgressEvent.of(stage, node, "step", Status.STARTED, ""));
                    if (stage.equals("nodes") && node.isEmpty() && failNodesLabWide) {
                        // What Engine.runNode reports for an Explained error in a lab-wide step.
                        var unusable = new dev.overlaylab.provider.virtualbox.VirtualBoxUnavailableException(
                                "VirtualBox is installed but its kernel driver is not loaded (/dev/vboxdrv is missing)"
                                        + "\n  fix: load it with 'sudo modprobe vboxdrv', or reinstall VirtualBox");
                        var f = new dev.overlaylab.engine.Failure(stage, "", "provider up", unusable.cause(), "", "",
                                unusable.fix());
                        progress.on(new ProgressEvent(stage, "", "provider up", Status.FAILED, Duration.ofMillis(40),
                                f.describe()));
                        return new RunSummary(false, "FAILED (1 failure)");
                    }
                    if (stage.equals("etcd") && failEtcdOnce) {
                        failEtcdOnce = false;
                        progress.on(new ProgressEvent(stage, node, "wait healthy", Status.FAILED, Duration.ofMillis(30),
                                "master: etcd / wait healthy failed: etcd did not answer on 192.168.58.101:2379"));
                        return new RunSummary(false, "FAILED (1 failure)");
                    }
                    if (stage.equals("flanneld") && blockInFlanneld && node.equals("node1")) {
                        for (int i = 0; i < 1000; i++) {
                            Thread.sleep(20); // interrupted by Cancel, as the engine's waits are
                        }
                        throw new AssertionError("Cancel did not interrupt the run within 20 s");
                    }
                    progress.on(new ProgressEvent(stage, node, "step", Status.CHANGED, Duration.ofMillis(5), "done"));
                }
            }
            return new RunSummary(true, "ok");
        }
    }
}
