package dev.overlaylab.app.wizard;

import static dev.overlaylab.app.wizard.Edt.find;
import static dev.overlaylab.app.wizard.Edt.onEdt;
import static dev.overlaylab.app.wizard.Edt.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.engine.LabService;
import dev.overlaylab.app.ui.Messages;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/**
 * "VirtualBox on another machine": Test connection asks the engine with the typed URL and user and
 * shows what runs there, or why it cannot connect. Headless, with a LabService double for the engine
 * call (which VBoxWsOnRealServerTest runs against the real vboxwebsrv).
 */
class RemoteServerPanelTest {
    private static final javax.swing.event.DocumentListener NO_CHANGES = new javax.swing.event.DocumentListener() {
        public void insertUpdate(javax.swing.event.DocumentEvent e) {
        }

        public void removeUpdate(javax.swing.event.DocumentEvent e) {
        }

        public void changedUpdate(javax.swing.event.DocumentEvent e) {
        }
    };
    private final AtomicReference<String> asked = new AtomicReference<>();

    private LabService service(RuntimeException failure) {
        return (LabService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {LabService.class},
                (proxy, m, args) -> {
                    if (!m.getName().equals("testServer")) {
                        throw new UnsupportedOperationException(m.getName());
                    }
                    asked.set(args[0] + " as '" + args[1] + "'");
                    if (failure != null) {
                        throw failure;
                    }
                    return "VirtualBox 7.2.22_Debian (API 7_2) on 127.0.0.1";
                });
    }

    private static JLabel result(RemoteServerPanel p) {
        for (java.awt.Component c : p.getComponents()) {
            if ("wizard.server.result".equals(c.getName())) {
                return (JLabel) c;
            }
        }
        throw new AssertionError("no result label");
    }

    @Test
    void testConnectionShowsTheServersVirtualBox() throws Exception {
        RemoteServerPanel panel = onEdt(() -> new RemoteServerPanel(service(null), NO_CHANGES));
        SwingUtilities.invokeAndWait(() -> {
            panel.url.setText("http://127.0.0.1:18083/");
            panel.user.setText("alice");
        });
        JButton test = find(panel, JButton.class);
        SwingUtilities.invokeAndWait(test::doClick);
        waitFor(() -> onEdt(() -> result(panel).getText().startsWith("Connected")));
        assertThat(onEdt(() -> result(panel).getText())).isEqualTo(
                Messages.format("wizard.server.ok", "VirtualBox 7.2.22_Debian (API 7_2) on 127.0.0.1"));
        assertThat(asked.get()).isEqualTo("http://127.0.0.1:18083/ as 'alice'");
        assertThat(onEdt(test::isEnabled)).isTrue();
    }

    @Test
    void aFailureSaysWhy() throws Exception {
        RemoteServerPanel panel = onEdt(() -> new RemoteServerPanel(
                service(new IllegalStateException("connection refused by 127.0.0.1:18083")), NO_CHANGES));
        SwingUtilities.invokeAndWait(() -> find(panel, JButton.class).doClick());
        waitFor(() -> onEdt(() -> result(panel).getText().contains("Cannot connect")));
        assertThat(onEdt(() -> result(panel).getText())).contains("connection refused by 127.0.0.1:18083");
    }
}
