package dev.overlaylab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.MainFrame;
import java.awt.Component;
import java.awt.Container;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.text.JTextComponent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Opening lab files in the app: a bad one, and one while another lab has work that would be lost. */
@Tag("gui")
class OpenLabGuiTest {
    @RegisterExtension
    final AppOnScreen app = new AppOnScreen("opentest", Path.of("target", "screenshots", "open"));
    private final GuiDriver gui = app.gui();
    @TempDir
    Path labDir;
    private MainFrame frame;

    @BeforeEach
    void openApp() throws Exception {
        frame = app.mainFrame(app.real());
        GuiDriver.onEdt(() -> {
            frame.setLocationRelativeTo(null); // centred, as a desktop places it: the dialogs are measured against the screen
            return null;
        });
    }

    private void open(Path file) throws Exception {
        GuiDriver.onEdt(() -> {
            frame.openLab(file);
            return null;
        });
    }

    private static Optional<JDialog> showingDialog() {
        return Arrays.stream(Window.getWindows()).filter(w -> w instanceof JDialog && w.isShowing())
                .map(w -> (JDialog) w).findFirst();
    }

    /**
     * Issue 12 item 4: a lab file with several problems opened a dialog 1,506 px wide (OK off
     * screen) with a literal {@code </pre>} and mixed fonts. Now the dialog fits in 80 % of the
     * screen, shows no markup, and lists the problems in one font.
     */
    @Test
    void aLabFileWithManyProblemsOpensADialogThatFitsTheScreen() throws Exception {
        Path bad = Files.writeString(labDir.resolve("several-problems.yaml"), """
                name: "bad lab with spaces"
                provider: virtualbox
                profile: debian-12
                network:
                  cidr: 192.168.56.0/33
                nodes:
                  - {name: master, ip: 10.9.9.9}
                  - {name: master, ip: 192.168.56.300}
                  - {name: "node<b>", ip: 192.168.56.1}
                flannel:
                  network: 192.168.0.0/16
                  subnetLen: 40
                  backend: {type: vxlan, VNI: 99999999, Port: 70000}
                docker:
                  mtu: 20
                """);
        open(bad);
        GuiDriver.waitFor("the bad-lab-file dialog", () -> showingDialog().isPresent());
        JDialog d = GuiDriver.onEdt(() -> showingDialog().orElseThrow());
        GuiDriver.onEdt(() -> null);
        gui.screen("bad-lab-file");
        Rectangle screen = GuiDriver.onEdt(() -> d.getGraphicsConfiguration().getBounds());
        Rectangle box = GuiDriver.onEdt(d::getBounds);
        assertThat(box.width).as("dialog width on a %d px screen", screen.width).isLessThanOrEqualTo(screen.width * 8 / 10);
        assertThat(box.height).as("dialog height on a %d px screen", screen.height).isLessThanOrEqualTo(screen.height * 8 / 10);
        assertThat(screen.contains(box)).as("dialog %s inside the screen %s", box, screen).isTrue();

        // Every button (OK) is on screen, and the text has no markup left in it.
        List<AbstractButton> buttons = new ArrayList<>();
        GuiDriver.onEdt(() -> {
            collect(d, AbstractButton.class, buttons);
            return null;
        });
        assertThat(buttons).isNotEmpty();
        for (AbstractButton b : buttons) {
            Rectangle r = GuiDriver.onEdt(() -> new Rectangle(b.getLocationOnScreen(), b.getSize()));
            assertThat(screen.contains(r)).as("button %s at %s", b.getText(), r).isTrue();
        }
        String shown = GuiDriver.textOf(d);
        assertThat(shown).doesNotContain("</pre>", "<pre>", "<html>", "<b>several", "&lt;");
        assertThat(shown).contains("several-problems.yaml", "network.cidr", "node<b>", "docker.mtu",
                "flannel.backend.Port");
        // Issue 12 item 9: each problem says which field in the screens' words, then the key as typed in the file.
        assertThat(shown).contains("Host-only network (network.cidr in the file): ", "docker MTU (docker.mtu in the file): ",
                "Node 2's host-only address (nodes[1].ip in the file): ", "Line ").doesNotContain("seed");

        // One font for the problem list: every problem is in one text component.
        List<JTextComponent> texts = new ArrayList<>();
        GuiDriver.onEdt(() -> {
            collect(d, JTextComponent.class, texts);
            return null;
        });
        List<JTextComponent> withProblems = texts.stream()
                .filter(t -> t.getText().contains("network.cidr") || t.getText().contains("docker.mtu")).toList();
        assertThat(withProblems).hasSize(1);
        assertThat(withProblems.get(0).getText()).contains("network.cidr", "nodes[1].ip", "docker.mtu");
        Font f = withProblems.get(0).getFont();
        List<JLabel> labels = new ArrayList<>();
        GuiDriver.onEdt(() -> {
            collect(d, JLabel.class, labels);
            return null;
        });
        for (JLabel l : labels) {
            String t = l.getText() == null ? "" : l.getText();
            assertThat(t).doesNotContain("network.cidr");
        }
        assertThat(f).isNotNull();
        gui.click("open.invalid.ok");
        GuiDriver.waitFor("the dialog to close", () -> showingDialog().isEmpty());
    }

    /**
     * Issue 12 item 2: opening a lab replaced the open one silently. When the open lab has work
     * that would be lost (here: a change on Regenerate not pushed yet), the app asks first.
     */
    @Test
    void openingALabWhileTheOpenOneHasUnsavedWorkAsks() throws Exception {
        String example = Files.readString(Path.of("..", "examples", "two-node-local.yaml"));
        Path a = Files.writeString(labDir.resolve("lab-a.yaml"), example.replace("name: local-lab", "name: lab-a"));
        Path b = Files.writeString(labDir.resolve("lab-b.yaml"), example.replace("name: local-lab", "name: lab-b"));
        Path c = Files.writeString(labDir.resolve("lab-c.yaml"), example.replace("name: local-lab", "name: lab-c"));
        open(a);
        GuiDriver.waitFor("lab-a open", () -> frame.getTitle().contains("lab-a"));

        // Nothing unsaved: another lab opens without a question.
        open(b);
        GuiDriver.waitFor("lab-b open", () -> frame.getTitle().contains("lab-b"));
        assertThat(showingDialog()).isEmpty();

        // An edit on Regenerate that is not pushed: opening lab-c asks, and "keep" keeps lab-b.
        javax.swing.JTabbedPane tabs = gui.get("lab.tabs");
        GuiDriver.onEdt(() -> {
            tabs.setSelectedIndex(3);
            return null;
        });
        JComboBox<?> backend = gui.get("regen.backend");
        GuiDriver.onEdt(() -> {
            backend.setSelectedIndex(2);
            return null;
        });
        open(c);
        GuiDriver.waitFor("a question, or lab-c", () -> GuiDriver.find("open.replace").isPresent()
                || frame.getTitle().contains("lab-c"));
        assertThat(frame.getTitle()).as("lab-b was replaced without asking").contains("lab-b");
        Window ask = gui.window("open.replace");
        assertThat(GuiDriver.textOf(ask)).contains("lab-b", "lab-c", "Regenerate");
        javax.swing.JButton dflt = GuiDriver.onEdt(() -> ((javax.swing.RootPaneContainer) ask).getRootPane().getDefaultButton());
        assertThat(GuiDriver.onEdt(dflt::getName)).isEqualTo("open.replace.keep");
        gui.screen("open-while-unsaved");
        gui.click("open.replace.keep");
        GuiDriver.waitFor("the question to close", () -> GuiDriver.find("open.replace").isEmpty());
        assertThat(frame.getTitle()).contains("lab-b");

        open(c);
        gui.click("open.replace.open");
        GuiDriver.waitFor("lab-c open", () -> frame.getTitle().contains("lab-c"));
    }

    private static <T> void collect(Component c, Class<T> type, List<T> out) {
        if (type.isInstance(c) && c.isShowing()) {
            out.add(type.cast(c));
        }
        if (c instanceof Container k) {
            for (Component child : k.getComponents()) {
                collect(child, type, out);
            }
        }
    }
}
