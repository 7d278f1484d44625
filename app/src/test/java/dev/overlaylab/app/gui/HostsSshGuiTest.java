package dev.overlaylab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.AppPrefs;
import dev.overlaylab.app.engine.LabService;
import dev.overlaylab.app.ui.Themes;
import dev.overlaylab.app.wizard.NewLabWizard;
import dev.overlaylab.app.wizard.WizardStep;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.SshEndpoint;
import dev.overlaylab.provider.hosts.ConnectionCheck;
import dev.overlaylab.ssh.SshConnectException;
import java.awt.Component;
import java.awt.Container;
import java.awt.FocusTraversalPolicy;
import java.awt.Rectangle;
import java.awt.Window;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JSpinner;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 7, last part: existing machines ({@code hosts}) get SSH address, port, user, key and
 * sudo per node and Test connection in the nodes step. Every SSH field of every node is edited, the
 * node count and the network change afterwards (the values stay with their nodes), Test connection
 * runs against a double that logs in and one that is refused, and the saved file's {@code nodes[].ssh}
 * loads back through LabLoader with the edited values. The real engine does everything else; the
 * real login is {@code ConnectionCheckOpenSshTest}'s (a real sshd) in the provisioning module.
 */
@Tag("gui")
class HostsSshGuiTest extends WizardGuiBase {
    /** Every endpoint Test connection was asked to try. */
    private final List<SshEndpoint> tried = new CopyOnWriteArrayList<>();

    /** The real engine, except Test connection: port 2222 logs in, any other port is refused as a real sshd-less port is. */
    @Override
    AppContext context(AppPrefs prefs) {
        AppContext real = AppContext.real(prefs);
        LabService engine = real.service();
        LabService service = (LabService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {LabService.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("testSsh")) {
                        SshEndpoint e = (SshEndpoint) args[2];
                        tried.add(e);
                        if (e.port() == 2222) {
                            return new ConnectionCheck.Result(e.host(), e.port(), e.user(), e.keyFile().orElse("the lab's own key"),
                                    ConnectionCheck.Privilege.SUDO_WORKS, "", Optional.of("ssh-ed25519 SHA256:abcdef"),
                                    Duration.ofMillis(300));
                        }
                        throw new SshConnectException((String) args[1], e.host() + ":" + e.port(),
                                "connection refused: nothing listens on that port", "check the node is running",
                                new ConnectException("Connection refused"));
                    }
                    try {
                        return m.invoke(engine, args);
                    } catch (InvocationTargetException ex) {
                        throw ex.getCause();
                    }
                });
        return new AppContext(service, prefs, real.hostKeys());
    }

    @Test
    void everySshFieldOfEveryNodeIsWrittenAndTestConnectionSaysWhatHappened() throws Exception {
        gui.click("start.newLab");
        NewLabWizard w = wizard();
        waitValidated();
        gui.type("wizard.name", "ssh-lab");
        gui.click("wizard.provider.hosts");
        waitValidated();
        gui.click("wizard.next");
        waitStep(WizardStep.NODES);

        JTextField host = gui.get("wizard.ssh.host");
        JTextField user = gui.get("wizard.ssh.user");
        JTextField key = gui.get("wizard.ssh.key");
        JCheckBox sudo = gui.get("wizard.ssh.sudo");
        JComboBox<?> node = gui.get("wizard.ssh.node");
        JSpinner port = gui.get("wizard.ssh.port");
        assertThat(GuiDriver.showing("wizard.ssh.host")).isTrue();
        // the defaults are the lab file's: the node's address, port 22, the profile's user, the lab's key, sudo
        assertThat((String) GuiDriver.onEdt(() -> (String) host.getClientProperty("JTextField.placeholderText")))
                .contains("192.168.56.101");
        assertThat(GuiDriver.onEdt(port::getValue)).isEqualTo(22);
        assertThat(GuiDriver.onEdt(sudo::isSelected)).isTrue();

        // node 1 (master): every field
        Path myKey = Files.writeString(labDir.resolve("id_test"), "not used by the double\n");
        gui.type("wizard.ssh.host", "127.0.0.1");
        gui.spin("wizard.ssh.port", 2222);
        gui.type("wizard.ssh.user", "admin");
        gui.type("wizard.ssh.key", myKey.toString());
        gui.click("wizard.ssh.sudo");
        waitValidated();

        // node 2: a root login turns sudo off by itself (the lab file's default for root)
        choose(node, 1);
        assertThat(text("wizard.ssh.host")).isEmpty();
        assertThat((String) GuiDriver.onEdt(() -> (String) host.getClientProperty("JTextField.placeholderText")))
                .contains("192.168.56.102");
        gui.type("wizard.ssh.host", "192.168.56.50");
        gui.spin("wizard.ssh.port", 2200);
        gui.type("wizard.ssh.user", "root");
        assertThat(GuiDriver.onEdt(sudo::isSelected)).isFalse();
        waitValidated();

        // a third node: its user and key, sudo left as it comes; then a fourth that is dropped again
        gui.spin("wizard.nodeCount", 3);
        waitValidated();
        choose(node, 2);
        gui.type("wizard.ssh.user", "ops");
        gui.type("wizard.ssh.key", "~/.ssh/id_ed25519");
        waitValidated();
        gui.spin("wizard.nodeCount", 4);
        waitValidated();
        gui.spin("wizard.nodeCount", 3);
        // a new host-only network renumbers the nodes (node 3's SSH address follows; the typed ones stay)
        gui.type("wizard.hostCidr", "192.168.57.0/24");
        waitValidated();
        gui.editCell("wizard.nodes", 0, 0, "ctl", true);
        waitValidated();
        assertThat(w.problems()).isEmpty();

        // every node still has what was typed for it
        choose(node, 0);
        assertThat(GuiDriver.onEdt(() -> node.getSelectedItem())).isEqualTo("ctl");
        assertThat(text("wizard.ssh.host")).isEqualTo("127.0.0.1");
        assertThat(text("wizard.ssh.user")).isEqualTo("admin");
        assertThat(text("wizard.ssh.key")).isEqualTo(myKey.toString());
        assertThat(GuiDriver.onEdt(sudo::isSelected)).isFalse();
        choose(node, 1);
        assertThat(text("wizard.ssh.host")).isEqualTo("192.168.56.50");
        assertThat(GuiDriver.onEdt(port::getValue)).isEqualTo(2200);
        choose(node, 2);
        assertThat(text("wizard.ssh.user")).isEqualTo("ops");
        assertThat((String) GuiDriver.onEdt(() -> (String) host.getClientProperty("JTextField.placeholderText")))
                .contains("192.168.57.103");
        assertThat((String) GuiDriver.onEdt(() -> (String) user.getClientProperty("JTextField.placeholderText")))
                .isEqualTo(dev.overlaylab.model.Profiles.get("debian-12").user());
        assertThat((String) GuiDriver.onEdt(host::getToolTipText)).isEqualTo("Empty: the node's address, now 192.168.57.103");
        gui.screenshot("wizard", "hosts-ssh-defaults");

        // Test connection: refused (node 2's port 2200), then logged in (ctl's port 2222)
        choose(node, 1);
        gui.click("wizard.ssh.test");
        String refused = waitResult("refused");
        assertThat(refused).contains("192.168.56.50", "2200", "Check the Port")
                .doesNotContain("Exception", "at dev.", "ssh to node", "/var/lib", "cause:", "fix:");
        assertThat(tried).last().isEqualTo(new SshEndpoint("192.168.56.50", 2200, "root", Optional.empty(), false));
        gui.screenshot("wizard", "hosts-ssh-refused");
        choose(node, 0);
        assertThat(text("wizard.ssh.result")).as("a result belongs to the node it was for").isEmpty();
        gui.click("wizard.ssh.test");
        String ok = waitResult("Connected");
        assertThat(ok).contains("Connected to 127.0.0.1 port 2222 as admin; sudo works without a password",
                "SHA256:abcdef").doesNotContain("Exception");
        assertThat(tried).last().isEqualTo(new SshEndpoint("127.0.0.1", 2222, "admin", Optional.of(myKey.toString()), false));
        gui.screenshot("wizard", "hosts-ssh-connected");
        keyboardReachable(w);

        // as a user sees it: the usual size, 1024×700, and dark
        lookAt(w, "hosts-ssh-nodes");

        nextUntilLast(w);
        neverProvision();
        gui.click("wizard.next");
        gui.get("labWindow");
        Path file = labDir.resolve("ssh-lab.yaml");
        String yaml = Files.readString(file);
        assertThat(yaml).contains("    ssh:\n      host: 127.0.0.1\n      port: 2222\n      user: admin\n");
        Lab lab = LabLoader.load(file);
        assertThat(lab.provider()).isEqualTo("hosts");
        assertThat(lab.nodes()).extracting(n -> n.name()).containsExactly("ctl", "node1", "node2");
        assertThat(lab.nodes().get(0).ssh()).isEqualTo(new SshEndpoint("127.0.0.1", 2222, "admin", Optional.of(myKey.toString()), false));
        assertThat(lab.nodes().get(1).ssh()).isEqualTo(new SshEndpoint("192.168.56.50", 2200, "root", Optional.empty(), false));
        assertThat(lab.nodes().get(2).ssh()).isEqualTo(new SshEndpoint("192.168.57.103", 22, "ops",
                Optional.of(System.getProperty("user.home") + "/.ssh/id_ed25519"), true));
    }

    private void choose(JComboBox<?> box, int i) throws Exception {
        GuiDriver.onEdt(() -> {
            box.setSelectedIndex(i);
            return null;
        });
    }

    private String waitResult(String containing) throws Exception {
        javax.swing.JTextArea result = gui.get("wizard.ssh.result");
        GuiDriver.waitFor("Test connection to say " + containing, () -> result.getText().contains(containing));
        return text("wizard.ssh.result");
    }

    /**
     * Every SSH field has a label whose mnemonic moves to it (no letter taken twice in the step or by
     * the wizard's buttons), and Tab walks them in reading order.
     */
    private void keyboardReachable(NewLabWizard w) throws Exception {
        String[] fields = {"wizard.ssh.node", "wizard.ssh.host", "wizard.ssh.port", "wizard.ssh.user", "wizard.ssh.key"};
        GuiDriver.onEdt(() -> {
            Set<Integer> letters = new HashSet<>();
            for (String b : new String[] {"wizard.back", "wizard.next", "wizard.cancel", "wizard.ssh.sudo", "wizard.ssh.browse",
                    "wizard.ssh.test"}) {
                int m = ((javax.swing.AbstractButton) GuiDriver.find(b).orElseThrow()).getMnemonic();
                assertThat(m).as(b + " has a mnemonic").isNotZero();
                assertThat(letters.add(m)).as(b + "'s mnemonic is its own").isTrue();
            }
            for (String f : fields) {
                Component target = GuiDriver.find(f).orElseThrow();
                JLabel label = labelFor(w, target).orElseThrow(() -> new AssertionError(f + " has no label"));
                assertThat(label.getDisplayedMnemonic()).as(f + "'s label has a mnemonic").isNotZero();
                assertThat(letters.add(label.getDisplayedMnemonic())).as(f + "'s mnemonic is its own").isTrue();
            }
            // Tab order from the node chooser: address, port, user, sudo, key, Browse, Test connection
            FocusTraversalPolicy policy = w.getFocusTraversalPolicy();
            List<String> order = new ArrayList<>();
            Component c = GuiDriver.find("wizard.ssh.node").orElseThrow();
            for (int i = 0; i < 12 && c != null; i++) {
                c = policy.getComponentAfter(w, c);
                order.add(nameOf(c));
            }
            assertThat(order).containsSubsequence("wizard.ssh.host", "wizard.ssh.port", "wizard.ssh.user", "wizard.ssh.sudo",
                    "wizard.ssh.key", "wizard.ssh.browse", "wizard.ssh.test");
            return null;
        });
    }

    private static Optional<JLabel> labelFor(Container root, Component target) {
        for (Component c : root.getComponents()) {
            if (c instanceof JLabel l && l.getLabelFor() == target) {
                return Optional.of(l);
            }
            if (c instanceof Container k) {
                Optional<JLabel> found = labelFor(k, target);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The component's name, or its named ancestor's (a spinner's text field is the spinner). */
    private static String nameOf(Component c) {
        for (Component k = c; k != null; k = k.getParent()) {
            if (k.getName() != null && k.getName().startsWith("wizard.")) {
                return k.getName();
            }
        }
        return String.valueOf(c);
    }

    /** Screenshots at the wizard's own size, at 1024×700 and in the dark theme; nothing of the SSH rows is cut off. */
    private void lookAt(NewLabWizard w, String label) throws Exception {
        gui.screenshot("wizard", label);
        for (boolean dark : new boolean[] {false, true}) {
            GuiDriver.onEdt(() -> {
                if (dark) {
                    Themes.switchTo(AppPrefs.Theme.DARK);
                }
                w.setSize(1024, 700);
                w.validate();
                return null;
            });
            Thread.sleep(dark ? 1500 : 100); // FlatLaf cross-fades a theme change; the screenshot is of what follows
            GuiDriver.onEdt(() -> null);
            gui.screenshot("wizard", label + "-1024x700" + (dark ? "-dark" : ""));
            allInside(w);
        }
        GuiDriver.onEdt(() -> {
            Themes.switchTo(AppPrefs.Theme.LIGHT);
            return null;
        });
    }

    private static void allInside(NewLabWizard w) throws Exception {
        GuiDriver.onEdt(() -> {
            Rectangle page = visibleRect(GuiDriver.find("wizard.page.nodes").orElseThrow());
            // MigLayout rounds the grid to one pixel past the page at some widths (the node table too);
            // FlatLaf's buttons and fields have a transparent focus margin wider than that.
            page.grow(2, 2);
            for (String n : new String[] {"wizard.ssh.node", "wizard.ssh.host", "wizard.ssh.port", "wizard.ssh.user",
                    "wizard.ssh.key", "wizard.ssh.browse", "wizard.ssh.sudo", "wizard.ssh.test", "wizard.ssh.result"}) {
                Component c = GuiDriver.find(n).orElseThrow();
                Rectangle r = visibleRect(c);
                assertThat(page.contains(r)).as(n + " " + r + " inside the page " + page).isTrue();
                assertThat(r.width).as(n + " has room").isGreaterThan(20);
                if (c instanceof JComponent j && !(c instanceof JTextComponent) && !(c instanceof JSpinner)) {
                    assertThat(r.width).as(n + " is not cut short").isGreaterThanOrEqualTo(j.getMinimumSize().width);
                }
            }
            return null;
        });
    }

    private static Rectangle visibleRect(Component c) {
        Window win = SwingUtilities.getWindowAncestor(c);
        return SwingUtilities.convertRectangle(c.getParent(), c.getBounds(), win);
    }
}
