package dev.overlaylab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.AppPrefs;
import dev.overlaylab.app.MainFrame;
import dev.overlaylab.app.ui.Themes;
import dev.overlaylab.app.wizard.NewLabWizard;
import dev.overlaylab.app.wizard.WizardStep;
import java.awt.GraphicsEnvironment;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JRadioButton;
import javax.swing.JTable;
import javax.swing.JTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Clicks through the new-lab wizard on a real display (Xvfb in CI) with the real engine behind it,
 * as a new user would, saving a screenshot of each step to {@code target/screenshots/}.
 */
@Tag("gui")
class WizardGuiTest {
    private static final String PREFS = "dev/overlaylab/app-guitest-" + ProcessHandle.current().pid();
    private GuiDriver gui;
    private Path labDir;

    @BeforeEach
    void openApp() throws Exception {
        String display = System.getenv("DISPLAY");
        Prereq.require(display != null && !display.isBlank() && !GraphicsEnvironment.isHeadless(),
                "needs an X display: run under Xvfb, e.g. `xvfb-run -a mvn -pl app -am test`");
        gui = new GuiDriver(Path.of("target", "screenshots"));
        labDir = Files.createTempDirectory("olab-gui-");
        GuiDriver.onEdt(() -> {
            AppContext ctx = AppContext.real(new AppPrefs(Preferences.userRoot().node(PREFS)));
            Themes.install(AppPrefs.Theme.LIGHT);
            MainFrame frame = new MainFrame(ctx);
            frame.setSize(1280, 820);
            frame.setVisible(true);
            return frame;
        });
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

    private NewLabWizard wizard() throws Exception {
        return gui.get("wizard");
    }

    private void waitValidated() throws Exception {
        NewLabWizard w = wizard();
        GuiDriver.waitFor("validation to finish", () -> !w.isValidating());
    }

    @Test
    void newUserCreatesATwoNodeLabThroughTheWizard() throws Exception {
        // Start screen: empty state with its call to action.
        gui.get("startPanel");
        gui.screenshot("startPanel", "start-empty");

        // Step 1: provider. Unusable providers are disabled and say why.
        gui.click("start.newLab");
        NewLabWizard w = wizard();
        waitValidated();
        gui.screenshot("wizard", "wizard-1-provider");
        boolean anyUsable = GuiDriver.onEdt(() -> Stream.of("local", "virtualbox", "virtualbox-soap", "hosts")
                .map(id -> (JRadioButton) GuiDriver.find("wizard.provider." + id).orElseThrow())
                .anyMatch(JRadioButton::isEnabled));
        for (String id : new String[] {"virtualbox", "virtualbox-soap"}) {
            JRadioButton r = gui.get("wizard.provider." + id);
            JLabel reason = gui.get("wizard.provider." + id + ".reason");
            if (!GuiDriver.onEdt(r::isEnabled)) {
                assertThat((String) GuiDriver.onEdt(reason::getText)).contains("Unavailable here:");
            }
        }
        Prereq.require(anyUsable, "no provider is usable on this machine in this build");
        String provider = GuiDriver.onEdt(() -> ((JRadioButton) GuiDriver.find("wizard.provider.local").orElseThrow())
                .isEnabled()) ? "local" : "hosts";
        gui.click("wizard.provider." + provider);
        gui.type("wizard.name", "olg-wizard");
        waitValidated();
        gui.click("wizard.next");

        // Step 2: nodes, prefilled from the host-only network (this test's range: 192.168.58.0/24).
        GuiDriver.waitFor("nodes step", () -> w.currentStep() == WizardStep.NODES);
        gui.type("wizard.hostCidr", "192.168.58.0/24");
        waitValidated();
        JTable nodes = gui.get("wizard.nodes");
        assertThat(GuiDriver.onEdt(() -> nodes.getValueAt(0, 1))).isEqualTo("192.168.58.101");
        assertThat(GuiDriver.onEdt(() -> nodes.getValueAt(1, 0))).isEqualTo("node1");
        gui.screenshot("wizard", "wizard-2-nodes");
        gui.click("wizard.next");

        // Step 3: flannel. A network that overlaps the host-only network is refused on this step.
        GuiDriver.waitFor("flannel step", () -> w.currentStep() == WizardStep.FLANNEL);
        gui.type("wizard.flannelNetwork", "192.168.0.0/16");
        waitValidated();
        assertThat(w.problems()).anyMatch(p -> p.path().startsWith("flannel.network"));
        assertThat(gui.enabled("wizard.next")).isFalse();
        gui.screenshot("wizard", "wizard-3-flannel-invalid");
        gui.type("wizard.flannelNetwork", "10.1.0.0/16");
        gui.click("wizard.backend.vxlan");
        waitValidated();
        assertThat(w.problems()).noneMatch(p -> p.path().startsWith("flannel"));
        gui.screenshot("wizard", "wizard-3-flannel");
        gui.click("wizard.next");

        // Step 4: review — the lab file and every rendered file, read-only.
        GuiDriver.waitFor("review step", () -> w.currentStep() == WizardStep.REVIEW);
        waitValidated();
        JList<?> files = gui.get("wizard.review.files");
        JTextArea text = gui.get("wizard.review.text");
        assertThat((String) GuiDriver.onEdt(text::getText)).contains("name: olg-wizard", "cidr: 192.168.58.0/24", "type: vxlan");
        assertThat((boolean) GuiDriver.onEdt(text::isEditable)).isFalse();
        GuiDriver.onEdt(() -> {
            files.setSelectedIndex(Math.min(3, files.getModel().getSize() - 1));
            return null;
        });
        gui.screenshot("wizard", "wizard-4-review");
        Prereq.require(w.problems().isEmpty(), "the lab does not validate in this build: " + w.problems());
        gui.click("wizard.next");

        // Step 5: save (provisioning a real lab is the end-to-end test's job, not this one's).
        GuiDriver.waitFor("provision step", () -> w.currentStep() == WizardStep.PROVISION);
        Path labFile = labDir.resolve("olg-wizard.yaml");
        gui.type("wizard.saveAs", labFile.toString());
        javax.swing.JCheckBox now = gui.get("wizard.provisionNow");
        GuiDriver.onEdt(() -> {
            now.setSelected(false);
            return null;
        });
        waitValidated();
        gui.screenshot("wizard", "wizard-5-save");
        gui.click("wizard.next");

        // The lab window opens on the saved lab; the file is what the review showed.
        gui.get("labWindow");
        assertThat(Files.readString(labFile)).contains("name: olg-wizard", "192.168.58.102");
        gui.screenshot("labWindow", "lab-provision");
        javax.swing.JTabbedPane tabs = gui.get("lab.tabs");
        GuiDriver.onEdt(() -> {
            tabs.setSelectedIndex(2);
            return null;
        });
        gui.get("topology.view");
        gui.screenshot("labWindow", "lab-topology");
    }
}
