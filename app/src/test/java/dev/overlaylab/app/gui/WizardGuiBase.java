package dev.overlaylab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.AppPrefs;
import dev.overlaylab.app.MainFrame;
import dev.overlaylab.app.ui.Themes;
import dev.overlaylab.app.wizard.NewLabWizard;
import dev.overlaylab.app.wizard.WizardStep;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import java.awt.Component;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javax.swing.AbstractButton;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JRadioButton;
import javax.swing.JSpinner;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the wizard's GUI tests share: the app opened on a real display (Xvfb in CI) with the real
 * engine behind it and its own preferences and lab folder, removed afterwards; and the steps a
 * person takes (open the wizard, wait for validation, walk to the last step without provisioning).
 */
@Tag("gui")
abstract class WizardGuiBase {
    static final String PREFS = "dev/overlaylab/app-guitest-" + ProcessHandle.current().pid();
    static final String[] BUTTONS = {"wizard.back", "wizard.next", "wizard.cancel"};
    GuiDriver gui;
    Path labDir;
    AppContext ctx;
    /** The provider {@link #openWizard} picked. */
    String provider;

    @BeforeEach
    void openApp() throws Exception {
        String display = System.getenv("DISPLAY");
        Prereq.require(display != null && !display.isBlank() && !GraphicsEnvironment.isHeadless(),
                "needs an X display: run under Xvfb, e.g. `xvfb-run -a mvn -pl app -am test`");
        gui = new GuiDriver(Path.of("target", "screenshots"));
        labDir = Files.createTempDirectory("olab-gui-");
        GuiDriver.onEdt(() -> {
            ctx = context(new AppPrefs(Preferences.userRoot().node(PREFS)));
            ctx.prefs().setLastDirectory(labDir);
            Themes.install(AppPrefs.Theme.LIGHT);
            MainFrame frame = new MainFrame(ctx);
            frame.setSize(1280, 820);
            frame.setVisible(true);
            return frame;
        });
    }

    /** The app's engine and preferences; a test may put a double in front of one engine call. */
    AppContext context(AppPrefs prefs) {
        return AppContext.real(prefs);
    }

    @AfterEach
    void closeApp() throws Exception {
        if (gui == null) {
            return; // skipped before anything was made
        }
        GuiDriver.onEdt(() -> {
            Arrays.stream(Window.getWindows()).forEach(Window::dispose);
            return null;
        });
        Preferences.userRoot().node(PREFS).removeNode();
        if (labDir != null) {
            try (Stream<Path> files = Files.walk(labDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    NewLabWizard wizard() throws Exception {
        return gui.get("wizard");
    }

    void waitValidated() throws Exception {
        NewLabWizard w = wizard();
        GuiDriver.waitFor("validation to finish", () -> !w.isValidating());
    }

    void waitStep(WizardStep s) throws Exception {
        NewLabWizard w = wizard();
        GuiDriver.waitFor(s + " step", () -> w.currentStep() == s);
        waitValidated();
    }

    /** Opens the wizard from the start screen and picks a provider that can run here. */
    NewLabWizard openWizard() throws Exception {
        gui.click("start.newLab");
        NewLabWizard w = wizard();
        waitValidated();
        boolean anyUsable = GuiDriver.onEdt(() -> Stream.of("local", "virtualbox", "hosts").anyMatch(WizardGuiBase::runsHere));
        Prereq.require(anyUsable, "no provider is usable on this machine in this build");
        provider = GuiDriver.onEdt(() -> runsHere("local")) ? "local" : "hosts";
        gui.click("wizard.provider." + provider);
        waitValidated();
        return w;
    }

    /** A provider that can run on this machine: its line under the name is its description, not a reason. */
    static boolean runsHere(String id) {
        return !((JLabel) GuiDriver.find("wizard.provider." + id + ".reason").orElseThrow()).getText().contains("Cannot run");
    }

    /** Goes from the current step to the last one with Next, the draft as it is. */
    void nextUntilLast(NewLabWizard w) throws Exception {
        while (GuiDriver.onEdt(() -> !w.currentStep().isLast())) {
            WizardStep from = w.currentStep();
            gui.click("wizard.next");
            GuiDriver.waitFor("leaving " + from, () -> w.currentStep() != from);
            waitValidated();
        }
    }

    /**
     * Unticks "Provision" if it is ticked, so that finishing never builds a lab as root — not even
     * on a build where the box starts ticked (issue 12 item 3, which once made one by accident).
     */
    void neverProvision() throws Exception {
        JCheckBox now = gui.get("wizard.provisionNow");
        GuiDriver.onEdt(() -> {
            now.setSelected(false);
            return null;
        });
    }

    String text(String name) throws Exception {
        Component c = gui.get(name);
        return GuiDriver.onEdt(() -> c instanceof AbstractButton b ? b.getText()
                : c instanceof JLabel l ? l.getText() : ((javax.swing.text.JTextComponent) c).getText());
    }

    Map<String, Rectangle> buttonBounds() throws Exception {
        Map<String, Rectangle> out = new LinkedHashMap<>();
        for (String b : BUTTONS) {
            Component c = gui.get(b);
            out.put(b, GuiDriver.onEdt(() -> SwingUtilities.convertRectangle(c.getParent(), c.getBounds(),
                    SwingUtilities.getRootPane(c))));
        }
        return out;
    }

    /**
     * Issue 12 item 1: a person edits every editable field of every step — names and addresses in
     * the node table through its cell editor, counts, networks, backend options — and finishes; the
     * saved lab file holds every edited value. Before the fix, committing a cell edit re-entered the
     * editor (NodesStep.changed → edited → modifyDraft → stopCellEditing → setValueAt → …) until
     * StackOverflowError.
     */
}
