package dev.overlaylab.app.actions;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.cli.Version;
import java.awt.event.ActionEvent;
import javax.swing.JOptionPane;

/** Help ▸ About. */
public final class AboutAction extends AppAction {
    private final AppContext ctx;

    public AboutAction(AppContext ctx) {
        super("about", null, null);
        this.ctx = ctx;
    }

    @Override
    public void actionPerformed(ActionEvent e) {
        String version = Version.current();
        JOptionPane.showMessageDialog(ctx.frame(), Messages.format("about.text", version),
                Messages.get("action.about"), JOptionPane.INFORMATION_MESSAGE,
                new com.formdev.flatlaf.extras.FlatSVGIcon("dev/overlaylab/app/assets/logo.svg", 48, 48));
    }
}
