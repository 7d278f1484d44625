package dev.overlaylab.app.wizard;

import dev.overlaylab.app.engine.LabService;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.app.ui.Worker;
import dev.overlaylab.exec.Explained;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import net.miginfocom.swing.MigLayout;

/**
 * Under "VirtualBox on another machine": the web service's URL and user, and Test connection, which
 * logs on (off the event thread) and shows the server's VirtualBox and API version, or why it could
 * not. No password field: it is asked when the lab is provisioned, and never written to the file.
 */
final class RemoteServerPanel extends JPanel {
    private final LabService service;
    final JTextField url = new JTextField(28);
    final JTextField user = new JTextField(16);
    private final JButton test = new JButton(Messages.get("wizard.server.test"));
    private final JLabel result = new JLabel(" ");

    RemoteServerPanel(LabService service, javax.swing.event.DocumentListener changes) {
        super(new MigLayout("insets 0, wrap 2, hidemode 3",
                // columns
                "[right]8[grow, fill]",
                // rows
                "[]4[]4[]"));
        this.service = service;
        setName("wizard.server");
        url.setName("wizard.server.url");
        user.setName("wizard.server.user");
        test.setName("wizard.server.test");
        result.setName("wizard.server.result");
        url.getDocument().addDocumentListener(changes);
        user.getDocument().addDocumentListener(changes);
        add(new JLabel(Messages.get("wizard.server.url")));
        add(url, "wmax 360");
        add(new JLabel(Messages.get("wizard.server.user")));
        add(user, "wmax 200");
        add(test, "skip 1, split 2, growx 0");
        add(result, "wmin 0");
        test.addActionListener(e -> test());
    }

    private void test() {
        test.setEnabled(false);
        result.setText(Messages.get("wizard.server.testing"));
        String u = url.getText().trim();
        String who = user.getText().trim();
        Worker.of(() -> service.testServer(u, who), found -> {
            result.setText(Messages.format("wizard.server.ok", found));
            test.setEnabled(true);
        }, err -> {
            String why = err instanceof Explained ex ? ex.cause() : String.valueOf(err.getMessage());
            result.setText("<html>" + Messages.format("wizard.server.failed", why).replace("&", "&amp;").replace("<", "&lt;") + "</html>");
            test.setEnabled(true);
        }).execute();
    }
}
