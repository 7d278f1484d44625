package dev.overlaylab.app.actions;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.wizard.NewLabWizard;
import java.awt.event.ActionEvent;

/** File ▸ New lab: opens the new-lab wizard. */
public final class NewLabAction extends AppAction {
    private final AppContext ctx;

    public NewLabAction(AppContext ctx) {
        super("newLab", "new-lab", "control N");
        this.ctx = ctx;
    }

    @Override
    public void actionPerformed(ActionEvent e) {
        new NewLabWizard(ctx).setVisible(true);
    }
}
