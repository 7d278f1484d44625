package dev.overlaylab.app.actions;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.engine.ProviderChoice;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.app.ui.Worker;
import dev.overlaylab.app.wizard.NewLabWizard;
import java.awt.event.ActionEvent;
import java.util.List;
import javax.swing.JOptionPane;

/** File ▸ New lab: asks the providers whether they can run here (off the event thread), then opens the wizard. */
public final class NewLabAction extends AppAction {
    private final AppContext ctx;

    public NewLabAction(AppContext ctx) {
        super("newLab", "new-lab", "control N");
        this.ctx = ctx;
    }

    @Override
    public void actionPerformed(ActionEvent e) {
        setEnabled(false);
        Worker.<List<ProviderChoice>>of(() -> ctx.service().providers(), providers -> {
            setEnabled(true);
            new NewLabWizard(ctx, providers).setVisible(true);
        }, err -> {
            setEnabled(true);
            JOptionPane.showMessageDialog(ctx.frame(), Messages.format("wizard.providersFailed", dev.overlaylab.app.engine.UserMessages.error(err)),
                    Messages.get("wizard.title"), JOptionPane.ERROR_MESSAGE);
        }).execute();
    }
}
