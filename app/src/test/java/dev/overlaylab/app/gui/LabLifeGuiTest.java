package dev.overlaylab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.AppPrefs;
import dev.overlaylab.app.LabWindow;
import dev.overlaylab.app.MainFrame;
import dev.overlaylab.app.life.LabListPanel;
import dev.overlaylab.compose.LabStatus.State;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.provider.Removal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JList;
import javax.swing.JTextArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab's life from the start screen's lab list and the lab header, against {@link LifeDouble}: each
 * lab's state is read off the event thread (a hanging lab shows "Checking…" while the window keeps
 * answering), Provision is disabled with the reason where the provider cannot run, Down shows its
 * preview and removes nothing until confirmed, Halt/Resume/Snapshots exist only where the provider has them.
 */
@Tag("gui")
class LabLifeGuiTest {
    private final LifeDouble service = new LifeDouble();
    @RegisterExtension
    final AppOnScreen app = new AppOnScreen("life", Path.of(System.getProperty("olab.shots", "target/screenshots/life")));
    private final GuiDriver gui = app.gui();
    private MainFrame frame;
    private AppPrefs prefs;

    @TempDir
    Path dir;

    /** A lab file; VirtualBox labs take its default host-only range (192.168.56.0/21) and no VM is made here. */
    private Path lab(String name, String provider, String profile) throws Exception {
        String net = provider.equals("virtualbox") ? "192.168.56" : "192.168.87";
        return Files.writeString(dir.resolve(name + ".yaml"), """
                name: %s
                provider: %s
                profile: %s
                network: {cidr: %s.0/24}
                nodes:
                  - {name: master, ip: %s.101}
                  - {name: node1, ip: %s.102}
                flannel: {network: 10.87.0.0/16}
                """.formatted(name, provider, profile, net, net, net));
    }

    @BeforeEach
    void labs() throws Exception {
        prefs = app.prefs();
        // oldest first: the list shows the newest first
        prefs.addRecent(lab("al-vbox", "virtualbox", "ubuntu-16.04"));
        prefs.addRecent(lab("al-broken", "local", "debian-12-nspawn"));
        prefs.addRecent(lab("al-up", "local", "debian-12-nspawn"));
        service.states.put("al-up", LifeDouble.state(State.UP, "every node is reachable and runs its services"));
        service.states.put("al-broken", LifeDouble.state(State.BROKEN, "node1: flanneld is not running"));
        service.states.put("al-vbox", LifeDouble.state(State.UP, "every node is reachable and runs its services"));
    }

    private void open(AppPrefs.Theme theme, int w, int h) throws Exception {
        frame = app.mainFrame(app.context(service), theme, w, h);
    }

    private static String cell(LabListPanel list, int row) throws Exception {
        return GuiDriver.onEdt(() -> list.stateText(row));
    }

    @Test
    void labListReadsEachStateOffTheEventThreadAndOffersWhatEachLabCanDo() throws Exception {
        service.hold("al-up");
        open(AppPrefs.Theme.LIGHT, 1280, 820);
        LabListPanel list = gui.get("labList");
        // al-up's nodes "hang": it reads as checking while the others are known and the window answers
        GuiDriver.waitFor("al-broken read", () -> list.stateText(1).equals("Broken"));
        long t0 = System.nanoTime();
        assertThat(cell(list, 0)).isEqualTo("Checking\u2026");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("the event thread answers at once").isLessThan(Duration.ofSeconds(2));
        gui.screenshot("labList", "list-checking");
        service.release("al-up");
        GuiDriver.waitFor("al-up read", () -> list.stateText(0).equals("Up"));
        assertThat(cell(list, 2)).as("VirtualBox cannot run here").isEqualTo("Cannot run here");

        // an up lab: everything; a lab whose provider cannot run here: Provision disabled, saying why
        select(list, 0);
        assertThat(gui.enabled("labList.provision")).isTrue();
        assertThat(gui.enabled("labList.verify")).isTrue();
        assertThat(gui.enabled("labList.diagnose")).isTrue();
        select(list, 2);
        JButton provision = gui.get("labList.provision");
        GuiDriver.waitFor("provision disabled with the reason", () -> !provision.isEnabled()
                && "VirtualBox is not installed on this computer.".equals(provision.getToolTipText()));
        assertThat(gui.enabled("labList.verify")).isFalse();
        gui.screenshot("labList", "list-light");

        // live: a lab repaired behind the app's back reads as up within the interval, no click needed
        service.states.put("al-broken", LifeDouble.state(State.UP, "every node is reachable and runs its services"));
        GuiDriver.waitFor("al-broken read again", () -> list.stateText(1).equals("Up"), Duration.ofSeconds(45));
        service.states.put("al-broken", LifeDouble.state(State.BROKEN, "node1: flanneld is not running"));

        // Verify from the list opens the lab on its Verify tab
        select(list, 1);
        gui.click("labList.verify");
        LabWindow w = gui.get("labWindow");
        GuiDriver.waitFor("verify tab selected", () -> w.tabs().getSelectedComponent() == w.verify());
        GuiDriver.waitFor("header state", () -> w.life().stateText().equals("Broken"));
    }

    @Test
    void labListFitsAt1024x700InBothThemes() throws Exception {
        for (AppPrefs.Theme theme : List.of(AppPrefs.Theme.LIGHT, AppPrefs.Theme.DARK)) {
            open(theme, 1024, 700);
            LabListPanel list = gui.get("labList");
            GuiDriver.waitFor("states read", () -> list.stateText(0).equals("Up") && list.stateText(1).equals("Broken"));
            select(list, 1);
            JButton refresh = gui.get("labList.refresh");
            gui.screenshot("labList", "start-1024x700-" + theme.name().toLowerCase());
            // the whole list, its buttons included, is inside the window
            java.awt.Rectangle inFrame = GuiDriver.onEdt(() -> javax.swing.SwingUtilities.convertRectangle(refresh.getParent(),
                    refresh.getBounds(), frame.getContentPane()));
            assertThat(inFrame.y + inFrame.height).as(theme + ": Refresh states inside the window")
                    .isLessThanOrEqualTo(GuiDriver.onEdt(() -> frame.getContentPane().getHeight()));
            assertThat(GuiDriver.onEdt(() -> list.table().getVisibleRect().height)).as("at least one row shows").isGreaterThan(40);
            java.awt.Rectangle inList = GuiDriver.onEdt(() -> javax.swing.SwingUtilities.convertRectangle(refresh.getParent(),
                    refresh.getBounds(), list));
            // the list is not clipped by the screen around it, and its buttons are inside it (give or take the
            // 1-2 px of focus ring FlatLaf's buttons draw outside their cell)
            java.awt.Rectangle visible = GuiDriver.onEdt(list::getVisibleRect);
            int width = GuiDriver.onEdt(list::getWidth);
            assertThat(visible.width).as(theme + ": the list is not cut off at the right").isEqualTo(width);
            assertThat(inList.x + inList.width).as(theme + ": Refresh states inside the list").isLessThanOrEqualTo(width + 2);
            assertThat(GuiDriver.onEdt(() -> list.table().getVisibleRect().width)).as("every column shows")
                    .isGreaterThanOrEqualTo(GuiDriver.onEdt(() -> list.table().getWidth()));
            GuiDriver.onEdt(() -> {
                frame.dispose();
                return null;
            });
        }
    }

    private static void select(LabListPanel list, int row) throws Exception {
        GuiDriver.onEdt(() -> {
            list.table().setRowSelectionInterval(row, row);
            return null;
        });
    }

    @Test
    void downShowsWhatItRemovesAndRemovesNothingUntilConfirmed() throws Exception {
        service.removals.put("al-up", List.of(
                new Removal("master", "stop and remove container ol-al-up-master (running, PID 4242)"),
                new Removal("node1", "stop and remove container ol-al-up-node1 (running, PID 4243)"),
                new Removal("", "delete the host-only bridge olb-1a2b3c")));
        open(AppPrefs.Theme.LIGHT, 1280, 820);
        GuiDriver.onEdt(() -> {
            frame.showLab(dir.resolve("al-up.yaml"), LabLoader.load(dir.resolve("al-up.yaml")), false);
            return null;
        });
        LabWindow w = gui.get("labWindow");
        GuiDriver.waitFor("state", () -> w.life().stateText().equals("Up"));
        // local lab: no halt, resume or snapshots, and the buttons say why
        JButton halt = gui.get("life.halt");
        assertThat(GuiDriver.onEdt(halt::isEnabled)).isFalse();
        assertThat(GuiDriver.<String>onEdt(halt::getToolTipText)).contains("cannot be halted");
        assertThat(gui.enabled("life.snapshots")).isFalse();
        gui.screenshot("labWindow", "header-local");

        // Cancel: nothing removed
        gui.click("life.down");
        JTextArea list = gui.get("down.list");
        GuiDriver.waitFor("preview", () -> list.getText().contains("ol-al-up-node1"));
        gui.click("down.cancel");
        GuiDriver.waitFor("dialog closed", () -> GuiDriver.find("down").isEmpty());
        assertThat(service.calls).containsExactly("preview al-up");

        gui.click("life.down");
        JTextArea again = gui.get("down.list");
        GuiDriver.waitFor("preview", () -> again.getText().contains("ol-al-up-node1"));
        assertThat(GuiDriver.<String>onEdt(again::getText)).isEqualTo("""
                On this computer
                  \u2022 delete the host-only bridge olb-1a2b3c
                master
                  \u2022 stop and remove container ol-al-up-master (running, PID 4242)
                node1
                  \u2022 stop and remove container ol-al-up-node1 (running, PID 4243)""");
        JButton confirm = gui.get("down.confirm");
        assertThat(GuiDriver.<String>onEdt(confirm::getText)).isEqualTo("Remove all 3");
        assertThat(GuiDriver.onEdt(() -> ((javax.swing.JDialog) javax.swing.SwingUtilities.getWindowAncestor(confirm)).getRootPane().getDefaultButton().getName()))
                .as("Enter cancels").isEqualTo("down.cancel");
        gui.screenshot("down", "down-preview");
        gui.click("down.confirm");
        GuiDriver.waitFor("removed", () -> textNow("down").contains("Lab al-up is down"));
        assertThat(service.calls).containsExactly("preview al-up", "preview al-up", "down al-up");
        assertThat(GuiDriver.<String>onEdt(again::getText)).contains("master: removed: stop and remove container ol-al-up-master");
        gui.screenshot("down", "down-done");
        gui.click("down.cancel");
        GuiDriver.waitFor("state after down", () -> w.life().stateText().equals("Not created"));
    }

    @Test
    void virtualBoxLabHaltsResumesAndKeepsSnapshots() throws Exception {
        open(AppPrefs.Theme.DARK, 1024, 700);
        GuiDriver.onEdt(() -> {
            frame.showLab(dir.resolve("al-vbox.yaml"), LabLoader.load(dir.resolve("al-vbox.yaml")), false);
            return null;
        });
        LabWindow w = gui.get("labWindow");
        GuiDriver.waitFor("state", () -> w.life().stateText().equals("Up"));
        assertThat(gui.enabled("life.resume")).as("an up lab has nothing to resume").isFalse();
        gui.screenshot("labWindow", "header-vbox-dark-1024");
        gui.click("life.halt");
        GuiDriver.waitFor("halted", () -> w.life().stateText().equals("Halted"));
        assertThat(service.calls).containsExactly("halt al-vbox");
        GuiDriver.waitFor("resume enabled", () -> ((JButton) GuiDriver.find("life.resume").orElseThrow()).isEnabled());

        service.snapshots.put("master", new java.util.ArrayList<>(List.of("after-provision")));
        service.snapshots.put("node1", new java.util.ArrayList<>(List.of("after-provision", "mine")));
        gui.click("life.snapshots");
        JList<?> snaps = gui.get("snapshots.list");
        GuiDriver.waitFor("snapshots", () -> snaps.getModel().getSize() == 2);
        assertThat(GuiDriver.onEdt(() -> snaps.getModel().getElementAt(1))).isEqualTo("mine  (only on node1)");
        GuiDriver.onEdt(() -> {
            snaps.setSelectedIndex(1);
            return null;
        });
        assertThat(gui.enabled("snapshots.restore")).as("a snapshot only node1 has cannot be restored on the lab").isFalse();
        GuiDriver.onEdt(() -> {
            snaps.setSelectedIndex(0);
            return null;
        });
        gui.screenshot("snapshots", "snapshots-dark");
        gui.click("snapshots.restore");
        GuiDriver.waitFor("restored", () -> textNow("snapshots")
                .contains("Snapshot after-provision restored"));
        assertThat(service.calls).containsExactly("halt al-vbox", "snapshot restore after-provision");
        gui.click("snapshots.close");
        gui.click("life.resume");
        GuiDriver.waitFor("up again", () -> w.life().stateText().equals("Up"));
        assertThat(service.calls).endsWith("resume al-vbox");
    }

    /** On the event thread already (inside waitFor): every label and text in the named window now. */
    private static String textNow(String name) {
        StringBuilder b = new StringBuilder();
        GuiDriver.find(name).ifPresent(c -> collect(c, b));
        return b.toString();
    }

    private static void collect(java.awt.Component c, StringBuilder b) {
        if (c instanceof javax.swing.JLabel l && l.getText() != null) {
            b.append(l.getText()).append('\n');
        } else if (c instanceof javax.swing.text.JTextComponent t) {
            b.append(t.getText()).append('\n');
        }
        if (c instanceof java.awt.Container k) {
            for (java.awt.Component child : k.getComponents()) {
                collect(child, b);
            }
        }
    }
}
