package dev.overlaylab.app.ui;

import dev.overlaylab.model.Node;
import dev.overlaylab.provider.hosts.PasswordPrompt;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;

/**
 * The hosts provider asks once for a node's password to install the lab key. It asks from a worker
 * thread; the dialog is shown on the event thread and the worker waits for the answer.
 */
public final class SwingPasswordPrompt implements PasswordPrompt, dev.overlaylab.provider.vboxws.ServerPasswordPrompt {
    @Override
    public Optional<char[]> ask(Node node, String why) {
        if (SwingUtilities.isEventDispatchThread()) {
            return show(node, why);
        }
        AtomicReference<Optional<char[]>> answer = new AtomicReference<>(Optional.empty());
        try {
            SwingUtilities.invokeAndWait(() -> answer.set(show(node, why)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            return Optional.empty();
        }
        return answer.get();
    }

    /** A VirtualBox web service's password (virtualbox-ws), asked from a worker thread like a node's. */
    @Override
    public Optional<char[]> ask(String url, String user) {
        AtomicReference<Optional<char[]>> answer = new AtomicReference<>(Optional.empty());
        Runnable show = () -> {
            JPasswordField field = new JPasswordField(24);
            JPanel panel = new JPanel(new MigLayout("insets 0, wrap 1",
                    // columns
                    "[grow, fill]",
                    // rows
                    "[]8[]"));
            panel.add(new JLabel(Messages.format("server.password.login", user, url)));
            panel.add(field);
            int r = JOptionPane.showConfirmDialog(null, panel, Messages.get("server.password.title"),
                    JOptionPane.OK_CANCEL_OPTION, JOptionPane.QUESTION_MESSAGE);
            answer.set(r == JOptionPane.OK_OPTION ? Optional.of(field.getPassword()) : Optional.empty());
        };
        if (SwingUtilities.isEventDispatchThread()) {
            show.run();
            return answer.get();
        }
        try {
            SwingUtilities.invokeAndWait(show);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            return Optional.empty();
        }
        return answer.get();
    }

    private static Optional<char[]> show(Node node, String why) {
        JPasswordField field = new JPasswordField(24);
        JPanel panel = new JPanel(new MigLayout("insets 0, wrap 1",
                // columns
                "[grow, fill]",
                // rows
                "[][]8[]"));
        panel.add(new JLabel(Messages.format("password.why", node.name(), why)));
        panel.add(new JLabel(Messages.format("password.login", node.ssh().user(), node.ssh().host())));
        panel.add(field);
        int r = JOptionPane.showConfirmDialog(null, panel, Messages.get("password.title"),
                JOptionPane.OK_CANCEL_OPTION, JOptionPane.QUESTION_MESSAGE);
        char[] pw = field.getPassword();
        return r == JOptionPane.OK_OPTION && pw.length > 0 ? Optional.of(pw) : Optional.empty();
    }
}
