package dev.overlaylab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.AppPrefs;
import dev.overlaylab.app.engine.CheckResult;
import dev.overlaylab.app.engine.VerifyOutcome;
import dev.overlaylab.app.topology.Scene;
import dev.overlaylab.app.topology.TopologyInput;
import dev.overlaylab.app.topology.TopologyPanel;
import dev.overlaylab.app.topology.TopologyView;
import dev.overlaylab.model.LabLoader;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12 item 8: the topology of the shipped three-node host-gw example drawn in a window — it
 * grows and shrinks with the window, a click on a node (a real mouse click) shows that node's
 * details, and a verification colours the links.
 */
@Tag("gui")
class TopologyGuiTest {
    @RegisterExtension
    final AppOnScreen app = new AppOnScreen("topotest", Path.of("target", "screenshots", "topology"));
    private final GuiDriver gui = app.gui();
    private Window frame;
    private TopologyPanel panel;

    @BeforeEach
    void show() throws Exception {
        TopologyInput in = TopologyInput.of(LabLoader.load(Path.of("..", "examples", "three-node-hostgw.yaml")));
        AppContext ctx = app.context(new LabServiceDouble() { });
        panel = app.show("topology", 1280, 820, AppPrefs.Theme.LIGHT, () -> new TopologyPanel(ctx, in));
        frame = GuiDriver.onEdt(() -> javax.swing.SwingUtilities.getWindowAncestor(panel));
        GuiDriver.waitFor("the picture laid out", () -> panel.view().getWidth() > 0);
    }

    private static boolean wholeLabInSight(TopologyView v) {
        Rectangle visible = new Rectangle(0, 0, v.getWidth(), v.getHeight());
        return v.scene().areas().stream().map(a -> v.boundsOf(a.node()).orElseThrow()).allMatch(visible::contains);
    }

    @Test
    void thePictureScalesToTheWindow() throws Exception {
        TopologyView v = panel.view();
        double big = GuiDriver.onEdt(v::scale);
        assertThat(big).as("three nodes in a 1280 px window are drawn larger than 1:1").isGreaterThan(1.1);
        assertThat(GuiDriver.onEdt(() -> wholeLabInSight(v))).isTrue();
        gui.screenshot("topologyPanel", "large");
        GuiDriver.onEdt(() -> {
            frame.setSize(700, 480);
            frame.validate();
            return null;
        });
        GuiDriver.waitFor("the smaller window laid out", () -> v.getWidth() < 700, java.time.Duration.ofSeconds(5));
        assertThat(GuiDriver.onEdt(v::scale)).as("view %d px wide", GuiDriver.onEdt(v::getWidth)).isLessThan(1.0);
        assertThat(GuiDriver.onEdt(() -> wholeLabInSight(v))).isTrue();
        gui.screenshot("topologyPanel", "small");
    }

    @Test
    void clickingANodeShowsItsDetailsAndAVerificationColoursTheLinks() throws Exception {
        TopologyView v = panel.view();
        Rectangle box = GuiDriver.onEdt(() -> v.boundsOf("node1").orElseThrow());
        Point onScreen = GuiDriver.onEdt(() -> {
            Point p = new Point(box.x + box.width / 2, box.y + box.height / 2);
            javax.swing.SwingUtilities.convertPointToScreen(p, v);
            return p;
        });
        Robot robot = new Robot();
        robot.mouseMove(onScreen.x, onScreen.y);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        GuiDriver.waitFor("node1 selected", () -> v.selected().equals(Optional.of("node1")));
        assertThat(GuiDriver.onEdt(panel::details)).doesNotContain("''").contains("node1", "worker", "192.168.56.102", "host-gw",
                "Not verified yet");

        GuiDriver.onEdt(() -> {
            panel.showVerification(new VerifyOutcome(List.of(
                    new CheckResult("ping-host-only", "master", Optional.of("node1"), true, "ok"),
                    new CheckResult("ping-docker0", "master", Optional.of("node1"), true, "ok"),
                    new CheckResult("ping-docker0", "node1", Optional.of("node2"), false, "100% packet loss")),
                    List.of(), Map.of()));
            return null;
        });
        assertThat(GuiDriver.onEdt(panel::details)).contains("2 checks passed, 1 failed", "docker0 ping node1 \u2192 node2");
        List<String> strokes = GuiDriver.onEdt(() -> v.scene().all(Scene.Line.class).stream().map(Scene.Line::stroke).toList());
        assertThat(strokes).contains("link.failed", "link.passed");
        gui.screenshot("topologyPanel", "node1-clicked-verified");

        // A click beside every box clears the selection.
        GuiDriver.onEdt(() -> {
            v.select(v.nodeAt(2, 2));
            return null;
        });
        assertThat(GuiDriver.onEdt(panel::details)).contains("Click a node");
    }
}
