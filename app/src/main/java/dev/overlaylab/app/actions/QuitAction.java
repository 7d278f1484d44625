package dev.overlaylab.app.actions;

import dev.overlaylab.app.AppContext;
import java.awt.event.ActionEvent;
import java.awt.event.WindowEvent;

/** File ▸ Quit: closes the main window the same way its close button does. */
public final class QuitAction extends AppAction {
    private final AppContext ctx;

    public QuitAction(AppContext ctx) {
        super("quit", null, "control Q");
        this.ctx = ctx;
    }

    @Override
    public void actionPerformed(ActionEvent e) {
        ctx.frame().dispatchEvent(new WindowEvent(ctx.frame(), WindowEvent.WINDOW_CLOSING));
    }
}
