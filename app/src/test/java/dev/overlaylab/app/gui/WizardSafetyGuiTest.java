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
 * The wizard never loses work and never provisions by accident: an existing file is replaced only
 * when the person says so, edits are not thrown away without asking, provisioning is opt-in and
 * confirmed; and the small things a keyboard user meets (mnemonics, messages, the MTU shown).
 */
@Tag("gui")
class WizardSafetyGuiTest extends WizardGuiBase {
    @Test
    void aNewWizardProposesAFreeName() throws Exception {
        Files.writeString(labDir.resolve("flannel-lab.yaml"), "# my first lab\n");
        Files.writeString(labDir.resolve("flannel-lab-2.yaml"), "# my second lab\n");
        NewLabWizard w = openWizard();
        assertThat(text("wizard.name")).isEqualTo("flannel-lab-3");
        nextUntilLast(w);
        assertThat(text("wizard.saveAs")).isEqualTo(labDir.resolve("flannel-lab-3.yaml").toString());
    }

    /** Issue 12 item 2: Esc or Cancel on a wizard with edits asks before throwing them away. */
    @Test
    void cancellingAWizardWithEditsAsksFirst() throws Exception {
        NewLabWizard w = openWizard();
        // Nothing typed yet: Cancel just closes.
        gui.click("wizard.cancel");
        GuiDriver.waitFor("the wizard to close", () -> !w.isShowing());

        NewLabWizard w2 = openWizard();
        gui.type("wizard.name", "half-done");
        waitValidated();
        gui.key("wizard.name", KeyEvent.VK_ESCAPE, 0);
        GuiDriver.waitFor("a question, or the wizard closing", () -> GuiDriver.find("wizard.discard").isPresent()
                || !w2.isShowing());
        assertThat(w2.isShowing()).as("Esc closed a filled-in wizard without asking").isTrue();
        gui.screen("wizard-discard-question");
        Window ask = gui.window("wizard.discard");
        JButton dflt = GuiDriver.onEdt(() -> ((javax.swing.RootPaneContainer) ask).getRootPane().getDefaultButton());
        assertThat(GuiDriver.onEdt(dflt::getName)).isEqualTo("wizard.discard.keep");
        gui.click("wizard.discard.keep");
        GuiDriver.waitFor("the question to close", () -> GuiDriver.find("wizard.discard").isEmpty());
        assertThat(w2.isShowing()).isTrue();
        assertThat(text("wizard.name")).isEqualTo("half-done");

        gui.click("wizard.cancel");
        gui.click("wizard.discard.discard");
        GuiDriver.waitFor("the wizard to close", () -> !w2.isShowing());
    }

    /**
     * Issue 12 item 3: provisioning is opt-in. The box starts unticked, the finish button says what
     * it will do as the box changes, and provisioning asks first, naming what will be made.
     */
    @Test
    void provisioningFromTheWizardIsOptInAndConfirmed() throws Exception {
        NewLabWizard w = openWizard();
        gui.type("wizard.name", "olg-confirm");
        waitValidated();
        nextUntilLast(w);
        JCheckBox now = gui.get("wizard.provisionNow");
        assertThat((boolean) GuiDriver.onEdt(now::isSelected)).as("provision ticked by default").isFalse();
        assertThat(text("wizard.next")).isEqualTo("Create lab");
        gui.click("wizard.provisionNow");
        GuiDriver.waitFor("the finish label to follow the tick", () -> "Create and provision".equals(
                ((JButton) GuiDriver.find("wizard.next").orElseThrow()).getText()));
        gui.click("wizard.provisionNow");
        GuiDriver.waitFor("the finish label to follow the tick", () -> "Create lab".equals(
                ((JButton) GuiDriver.find("wizard.next").orElseThrow()).getText()));
        gui.click("wizard.provisionNow");
        gui.screenshot("wizard", "wizard-5-provision-ticked");

        Path file = labDir.resolve("olg-confirm.yaml");
        gui.click("wizard.next");
        Window ask = gui.window("wizard.confirmProvision");
        String said = GuiDriver.textOf(ask);
        assertThat(said).contains("olg-confirm", "master", "192.168.56.101", "node1", "192.168.56.102");
        if ("local".equals(provider)) {
            assertThat(said).contains("root", "ol-olg-confirm-master", "olb-");
        }
        JButton dflt = GuiDriver.onEdt(() -> ((javax.swing.RootPaneContainer) ask).getRootPane().getDefaultButton());
        assertThat(GuiDriver.onEdt(dflt::getName)).isNotEqualTo("wizard.confirmProvision.provision");
        gui.screen("wizard-confirm-provision");
        assertThat(file).doesNotExist();

        // Cancel: nothing written, nothing started, the wizard is still there.
        gui.click("wizard.confirmProvision.cancel");
        GuiDriver.waitFor("the question to close", () -> GuiDriver.find("wizard.confirmProvision").isEmpty());
        assertThat(file).doesNotExist();
        assertThat(w.isShowing()).isTrue();

        // "Create only": the file is written, nothing is provisioned.
        gui.click("wizard.next");
        gui.click("wizard.confirmProvision.createOnly");
        gui.get("labWindow");
        assertThat(file).exists();
        assertThat(ctx.frame().labWindow().provisionPanel().isRunning()).isFalse();
    }

    /** Issue 12 item 9: Back, Next and Cancel have mnemonics, and Alt+N goes to the next step. */
    @Test
    void wizardButtonsHaveMnemonics() throws Exception {
        NewLabWizard w = openWizard();
        List<Integer> keys = new ArrayList<>();
        for (String b : BUTTONS) {
            JButton button = gui.get(b);
            keys.add(GuiDriver.onEdt(button::getMnemonic));
        }
        assertThat(keys).doesNotContain(0).doesNotHaveDuplicates();
        gui.key("wizard.name", KeyEvent.VK_N, InputEvent.ALT_DOWN_MASK);
        waitStep(WizardStep.NODES);
        gui.key("wizard.hostCidr", KeyEvent.VK_B, InputEvent.ALT_DOWN_MASK);
        waitStep(WizardStep.PROVIDER);
        nextUntilLast(w);
        JButton finish = gui.get("wizard.next");
        assertThat((int) GuiDriver.onEdt(finish::getMnemonic)).isNotZero().isNotIn(keys.get(0), keys.get(2));
    }

    /** Issue 12 item 9: an empty name is asked for in words, not with the engine's prefix rules. */
    @Test
    void anEmptyNameSaysEnterAName() throws Exception {
        NewLabWizard w = openWizard();
        gui.type("wizard.name", "");
        waitValidated();
        assertThat(w.problems()).anyMatch(p -> p.path().equals("name"));
        String shown = GuiDriver.textOf(gui.get("wizard.page.provider.problems"));
        assertThat(shown).contains("Enter a name").doesNotContain("cannot prefix", "''");
        assertThat(gui.enabled("wizard.next")).isFalse();
        gui.screenshot("wizard", "wizard-1-empty-name");
    }

    /** Issue 12 item 9: a flanneld path that does not exist on this machine was accepted. */
    @Test
    void aFlanneldThatDoesNotExistIsRefusedOnTheFlannelStep() throws Exception {
        NewLabWizard w = openWizard();
        gui.click("wizard.next");
        waitStep(WizardStep.NODES);
        gui.click("wizard.next");
        waitStep(WizardStep.FLANNEL);
        Path missing = labDir.resolve("no-such-flanneld");
        gui.type("wizard.flannelBinary", missing.toString());
        waitValidated();
        assertThat(w.problems()).anyMatch(p -> p.path().equals("flannel.binary.file"));
        String shown = GuiDriver.textOf(gui.get("wizard.page.flannel.problems"));
        assertThat(shown).contains("does not exist on this machine").doesNotContain("flannel.binary");
        assertThat(gui.enabled("wizard.next")).isFalse();
        gui.screenshot("wizard", "wizard-3-missing-flanneld");
        Files.writeString(missing, "#!/bin/sh\n");
        gui.type("wizard.flannelBinary", missing.toString() + " ");
        gui.type("wizard.flannelBinary", missing.toString());
        waitValidated();
        assertThat(w.problems()).isEmpty();
    }

    /** Issue 12 item 9: the docker MTU "from flannel" shows what flannel gives the chosen backend. */
    @Test
    void dockerMtuFollowsTheBackend() throws Exception {
        openWizard();
        gui.click("wizard.next");
        waitStep(WizardStep.NODES);
        gui.click("wizard.next");
        waitStep(WizardStep.FLANNEL);
        JSpinner mtu = gui.get("wizard.mtu");
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("udp", 1472);
        expected.put("host-gw", 1500);
        expected.put("direct-routing", 1450);
        expected.put("vxlan", 1450);
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            gui.click("wizard.backend." + e.getKey().replace('-', '_'));
            waitValidated();
            assertThat(GuiDriver.onEdt(mtu::getValue)).as(e.getKey()).isEqualTo(e.getValue());
            assertThat((boolean) GuiDriver.onEdt(mtu::isEnabled)).isFalse();
        }
        gui.click("wizard.backend.host_gw");
        gui.screenshot("wizard", "wizard-3-host-gw-mtu");
    }
}
