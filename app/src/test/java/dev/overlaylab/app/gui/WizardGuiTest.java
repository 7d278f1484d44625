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
 * Clicks through the new-lab wizard on a real display (Xvfb in CI) with the real engine behind it,
 * as a new user would, saving a screenshot of each step to {@code target/screenshots/}. Nothing
 * here provisions: every test that reaches the last step leaves "Provision" off or says no.
 */
@Tag("gui")
class WizardGuiTest extends WizardGuiBase {
    @Test
    void everyFieldEditedInTheWizardIsInTheSavedLabFile() throws Exception {
        gui.get("startPanel");
        gui.screenshot("startPanel", "start-empty");

        // Step 1: provider. A provider that cannot run here can still be chosen, and says why.
        NewLabWizard w = openWizard();
        for (String id : new String[] {"virtualbox"}) {
            JRadioButton r = gui.get("wizard.provider." + id);
            JLabel reason = gui.get("wizard.provider." + id + ".reason");
            assertThat(GuiDriver.onEdt(r::isEnabled)).as("choosable even where it cannot run").isTrue();
            if (!GuiDriver.onEdt(() -> runsHere(id))) {
                assertThat((String) GuiDriver.onEdt(reason::getText)).contains("You can still write the lab file");
            }
        }
        gui.type("wizard.name", "olg-edited");
        waitValidated();
        List<Map<String, Rectangle>> bounds = new ArrayList<>();
        bounds.add(buttonBounds());
        gui.screenshot("wizard", "wizard-1-provider");
        gui.click("wizard.next");

        // Step 2: nodes. Profile, host-only network, count, then every name and address.
        waitStep(WizardStep.NODES);
        bounds.add(buttonBounds());
        JComboBox<?> profile = gui.get("wizard.profile");
        GuiDriver.onEdt(() -> {
            profile.setSelectedIndex(profile.getItemCount() - 1);
            return null;
        });
        String profileName = GuiDriver.onEdt(() -> profile.getSelectedItem().toString());
        gui.type("wizard.hostCidr", "192.168.77.0/24");
        waitValidated();
        JTable nodes = gui.get("wizard.nodes");
        assertThat(GuiDriver.onEdt(() -> nodes.getValueAt(1, 1))).isEqualTo("192.168.77.102");
        gui.spin("wizard.nodeCount", 3);
        waitValidated();
        assertThat(GuiDriver.onEdt(nodes::getRowCount)).isEqualTo(3);
        gui.editCell("wizard.nodes", 0, 0, "ctl", true);
        gui.editCell("wizard.nodes", 0, 1, "192.168.77.10", true);
        gui.editCell("wizard.nodes", 1, 0, "w1", true);
        gui.editCell("wizard.nodes", 1, 1, "192.168.77.11", true);
        gui.editCell("wizard.nodes", 2, 0, "w2", true);
        waitValidated();
        assertThat(w.problems()).isEmpty();
        assertThat(GuiDriver.onEdt(() -> nodes.getValueAt(0, 0))).isEqualTo("ctl");
        // The last cell is still being typed in when Next is pressed: Next takes the typed value.
        gui.editCell("wizard.nodes", 2, 1, "192.168.77.12", false);
        gui.screenshot("wizard", "wizard-2-nodes");
        gui.click("wizard.next");

        // Step 3: flannel. A network that overlaps the host-only network is refused on this step.
        waitStep(WizardStep.FLANNEL);
        assertThat(GuiDriver.onEdt(nodes::isEditing)).isFalse();
        assertThat(GuiDriver.onEdt(() -> nodes.getValueAt(2, 1))).isEqualTo("192.168.77.12");
        bounds.add(buttonBounds());
        gui.type("wizard.flannelNetwork", "192.168.0.0/16");
        waitValidated();
        assertThat(w.problems()).anyMatch(p -> p.path().startsWith("flannel.network"));
        assertThat(gui.enabled("wizard.next")).isFalse();
        gui.screenshot("wizard", "wizard-3-flannel-invalid");
        gui.type("wizard.flannelNetwork", "10.44.0.0/16");
        gui.spin("wizard.subnetLen", 26);
        gui.click("wizard.backend.udp");
        gui.spin("wizard.port", 8299);
        gui.click("wizard.backend.vxlan");
        gui.spin("wizard.vni", 7);
        gui.spin("wizard.port", 8999);
        gui.click("wizard.ipMasq");
        gui.click("wizard.mtuFromFlannel");
        gui.spin("wizard.mtu", 1400);
        Path flanneld = Files.writeString(labDir.resolve("flanneld"), "#!/bin/sh\n");
        gui.type("wizard.flannelBinary", flanneld.toString());
        waitValidated();
        assertThat(w.problems()).isEmpty();
        gui.screenshot("wizard", "wizard-3-flannel");
        gui.click("wizard.next");

        // Step 4: Kubernetes, optional and off. Ticked, its service network is validated against the others live.
        waitStep(WizardStep.KUBERNETES);
        bounds.add(buttonBounds());
        JCheckBox k8s = gui.get("wizard.k8s.enabled");
        assertThat(GuiDriver.onEdt(k8s::isSelected)).as("Kubernetes off by default").isFalse();
        gui.screenshot("wizard", "wizard-4-kubernetes-off");
        gui.click("wizard.k8s.enabled");
        gui.type("wizard.k8s.serviceCidr", "10.44.128.0/20");
        waitValidated();
        assertThat(w.problems()).anyMatch(p -> p.path().equals("kubernetes.serviceCidr"));
        assertThat(gui.enabled("wizard.next")).isFalse();
        gui.screenshot("wizard", "wizard-4-kubernetes-invalid");
        gui.type("wizard.k8s.serviceCidr", "10.100.0.0/16");
        gui.click("wizard.k8s.masterWorkloads");
        waitValidated();
        assertThat(w.problems()).isEmpty();
        gui.screenshot("wizard", "wizard-4-kubernetes");
        gui.click("wizard.next");

        // Step 5: review — the lab file as it will be saved, with every edit in it.
        waitStep(WizardStep.REVIEW);
        bounds.add(buttonBounds());
        JList<?> files = gui.get("wizard.review.files");
        JTextArea text = gui.get("wizard.review.text");
        GuiDriver.onEdt(() -> {
            files.setSelectedIndex(0);
            return null;
        });
        assertThat((String) GuiDriver.onEdt(text::getText)).contains("name: olg-edited", "cidr: 192.168.77.0/24",
                "name: ctl", "ip: 192.168.77.10", "name: w2", "ip: 192.168.77.12", "network: 10.44.0.0/16",
                "subnetLen: 26", "VNI: 7", "Port: 8999", "ipMasq: true", "mtu: 1400", flanneld.toString(),
                "kubernetes:", "serviceCidr: 10.100.0.0/16", "masterSchedulable: false");
        assertThat((boolean) GuiDriver.onEdt(text::isEditable)).isFalse();
        assertThat(w.problems()).as("the wizard's lab must validate").isEmpty();
        GuiDriver.onEdt(() -> {
            files.setSelectedIndex(Math.min(3, files.getModel().getSize() - 1));
            return null;
        });
        gui.screenshot("wizard", "wizard-4-review");
        gui.click("wizard.next");

        // Step 6: save. The proposed file is named after the lab, in the last folder used.
        waitStep(WizardStep.PROVISION);
        bounds.add(buttonBounds());
        assertThat(text("wizard.saveAs")).isEqualTo(labDir.resolve("olg-edited.yaml").toString());
        assertThat(text("wizard.summary")).contains("olg-edited", "ctl 192.168.77.10", "w2 192.168.77.12");
        JCheckBox now = gui.get("wizard.provisionNow");
        boolean ticked = GuiDriver.onEdt(now::isSelected);
        neverProvision();
        assertThat(ticked).as("provision ticked by default").isFalse();
        // The last editable field: where the file goes (a folder that does not exist yet is made).
        Path chosen = labDir.resolve("mine").resolve("edited-lab.yaml");
        gui.type("wizard.saveAs", chosen.toString());
        waitValidated();
        gui.screenshot("wizard", "wizard-5-save");

        // The buttons stay where they were on every step (the finish label fits the same button).
        for (Map<String, Rectangle> b : bounds) {
            assertThat(b).isEqualTo(bounds.get(0));
        }
        gui.click("wizard.next");

        // The lab window opens on the saved lab, and the file holds every edited value.
        gui.get("labWindow");
        Path labFile = chosen;
        assertThat(labDir.resolve("olg-edited.yaml")).doesNotExist();
        Lab lab = LabLoader.load(labFile);
        assertThat(lab.name()).isEqualTo("olg-edited");
        assertThat(lab.profile()).isEqualTo(profileName);
        assertThat(lab.network().cidr()).isEqualTo("192.168.77.0/24");
        assertThat(lab.nodes()).extracting(n -> n.name() + " " + n.ip())
                .containsExactly("ctl 192.168.77.10", "w1 192.168.77.11", "w2 192.168.77.12");
        assertThat(lab.flannel().network()).isEqualTo("10.44.0.0/16");
        assertThat(lab.flannel().subnetLen()).isEqualTo(26);
        assertThat(lab.flannel().backend().type()).isEqualTo("vxlan");
        assertThat(lab.flannel().backend().options()).containsEntry("VNI", 7).containsEntry("Port", 8999);
        assertThat(lab.flannel().ipMasq()).isTrue();
        assertThat(lab.flannel().binary().file()).contains(flanneld.toString());
        assertThat(lab.docker().mtu()).hasValue(1400);
        assertThat(lab.kubernetes()).get().satisfies(k -> {
            assertThat(k.serviceCidr()).isEqualTo("10.100.0.0/16");
            assertThat(k.masterSchedulable()).isFalse();
            assertThat(k.version()).isEqualTo("v1.37.2");
        });
        gui.screenshot("labWindow", "lab-provision");
        javax.swing.JTabbedPane tabs = gui.get("lab.tabs");
        GuiDriver.onEdt(() -> {
            tabs.setSelectedIndex(2);
            return null;
        });
        gui.get("topology.view");
        gui.screenshot("labWindow", "lab-topology");
    }

    /**
     * Issue 12 item 2: the wizard saved to {@code <last folder>/<name>.yaml} over an existing file
     * without asking. Now it asks; Enter (the default) does not replace; "Choose another name" asks
     * for one (a free one proposed) and renames lab and file together; Replace replaces.
     */
    @Test
    void anExistingLabFileIsNeverReplacedWithoutAsking() throws Exception {
        Path existing = Files.writeString(labDir.resolve("flannel-lab.yaml"), "# my first lab\n");
        NewLabWizard w = openWizard();
        gui.type("wizard.name", "flannel-lab");
        waitValidated();
        nextUntilLast(w);
        neverProvision();
        assertThat(text("wizard.saveAs")).isEqualTo(existing.toString());
        gui.click("wizard.next");
        GuiDriver.waitFor("a question, or the lab window", () -> GuiDriver.find("wizard.overwrite").isPresent()
                || GuiDriver.find("labWindow").isPresent());
        assertThat(Files.readString(existing)).isEqualTo("# my first lab\n");
        assertThat(GuiDriver.showing("labWindow")).isFalse();
        Window ask = gui.window("wizard.overwrite");
        assertThat(GuiDriver.textOf(ask)).contains("flannel-lab.yaml", "already exists");
        JButton dflt = GuiDriver.onEdt(() -> ((javax.swing.RootPaneContainer) ask).getRootPane().getDefaultButton());
        assertThat(dflt).isNotNull();
        assertThat(GuiDriver.onEdt(dflt::getName)).isEqualTo("wizard.overwrite.rename");
        gui.screen("wizard-overwrite-question");

        // Enter (the default button): asked for another name, a free one proposed; nothing is written.
        gui.click("wizard.overwrite.rename");
        JTextField newName = gui.get("wizard.rename.name");
        assertThat(text("wizard.rename.name")).isEqualTo("flannel-lab-2");
        gui.screen("wizard-rename");
        GuiDriver.onEdt(() -> {
            newName.setText("flannel-lab-b");
            return null;
        });
        gui.click("wizard.rename.ok");
        GuiDriver.waitFor("the question to close", () -> GuiDriver.find("wizard.rename").isEmpty());
        waitValidated();
        assertThat(text("wizard.saveAs")).isEqualTo(labDir.resolve("flannel-lab-b.yaml").toString());
        assertThat(text("wizard.summary")).contains("flannel-lab-b");
        assertThat(Files.readString(existing)).isEqualTo("# my first lab\n");
        assertThat(w.currentStep()).isEqualTo(WizardStep.PROVISION);

        // Cancel in the question: back in the wizard, nothing written.
        gui.type("wizard.saveAs", existing.toString());
        waitValidated();
        gui.click("wizard.next");
        gui.click("wizard.overwrite.cancel");
        GuiDriver.waitFor("the question to close", () -> GuiDriver.find("wizard.overwrite").isEmpty());
        assertThat(Files.readString(existing)).isEqualTo("# my first lab\n");
        assertThat(GuiDriver.showing("wizard")).isTrue();

        // Replace, chosen explicitly, replaces.
        gui.click("wizard.next");
        gui.click("wizard.overwrite.replace");
        gui.get("labWindow");
        assertThat(Files.readString(existing)).contains("name: flannel-lab-b");
    }

    /**
     * Issue 12 item 1 with real input events, as a person does it: double-click a node's name,
     * type, press Enter; double-click an address, type, and click Next with the mouse while the
     * cell is still being edited (focus leaving the table commits it).
     */
    @Test
    void typingInTheNodeTableWithKeyboardAndMouse() throws Exception {
        NewLabWizard w = openWizard();
        gui.click("wizard.next");
        waitStep(WizardStep.NODES);
        JTable nodes = gui.get("wizard.nodes");
        java.awt.Robot robot = new java.awt.Robot();
        robot.setAutoDelay(20);
        clickCell(robot, nodes, 1, 0, 2);
        GuiDriver.waitFor("the cell editor", nodes::isEditing);
        selectAllAndType(robot, "worker");
        robot.keyPress(KeyEvent.VK_ENTER);
        robot.keyRelease(KeyEvent.VK_ENTER);
        GuiDriver.waitFor("the name committed", () -> "worker".equals(nodes.getValueAt(1, 0)));
        waitValidated();
        clickCell(robot, nodes, 1, 1, 2);
        GuiDriver.waitFor("the cell editor", nodes::isEditing);
        selectAllAndType(robot, "192.168.56.77");
        gui.screenshot("wizard", "wizard-2-typing");
        JButton next = gui.get("wizard.next");
        java.awt.Point p = GuiDriver.onEdt(() -> {
            java.awt.Point at = next.getLocationOnScreen();
            at.translate(next.getWidth() / 2, next.getHeight() / 2);
            return at;
        });
        robot.mouseMove(p.x, p.y);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        waitStep(WizardStep.FLANNEL);
        assertThat(w.problems()).isEmpty();
        assertThat(GuiDriver.onEdt(() -> nodes.getValueAt(1, 1))).isEqualTo("192.168.56.77");
        gui.click("wizard.next");
        waitStep(WizardStep.KUBERNETES);
        gui.click("wizard.next");
        waitStep(WizardStep.REVIEW);
        JTextArea text = gui.get("wizard.review.text");
        assertThat((String) GuiDriver.onEdt(text::getText)).contains("name: worker", "ip: 192.168.56.77");
    }

    private static void clickCell(java.awt.Robot robot, JTable t, int row, int col, int clicks) throws Exception {
        java.awt.Point p = GuiDriver.onEdt(() -> {
            Rectangle r = t.getCellRect(row, col, false);
            java.awt.Point at = t.getLocationOnScreen();
            at.translate(r.x + r.width / 2, r.y + r.height / 2);
            return at;
        });
        robot.mouseMove(p.x, p.y);
        for (int i = 0; i < clicks; i++) {
            robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
            robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        }
        robot.waitForIdle();
    }

    private static void selectAllAndType(java.awt.Robot robot, String text) {
        robot.keyPress(KeyEvent.VK_CONTROL);
        robot.keyPress(KeyEvent.VK_A);
        robot.keyRelease(KeyEvent.VK_A);
        robot.keyRelease(KeyEvent.VK_CONTROL);
        for (char c : text.toCharArray()) {
            int code = c == '.' ? KeyEvent.VK_PERIOD : KeyEvent.getExtendedKeyCodeForChar(c);
            robot.keyPress(code);
            robot.keyRelease(code);
        }
        robot.waitForIdle();
    }

    /** A new wizard does not propose the name of a lab file that is already in the folder it saves to. */
}
