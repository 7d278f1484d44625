package dev.overlaylab.app.actions;

import dev.overlaylab.app.AppContext;
import java.awt.event.ActionEvent;
import java.nio.file.Path;

/** File ▸ Recent ▸ a lab, or a click on the start screen's recent list. */
public final class OpenRecentAction extends AppAction {
    private final AppContext ctx;
    private final Path lab;

    public OpenRecentAction(AppContext ctx, Path lab) {
        super("openRecent", null, null);
        this.ctx = ctx;
        this.lab = lab;
        putValue(NAME, lab.getFileName().toString());
        putValue(SHORT_DESCRIPTION, lab.toString());
    }

    @Override
    public void actionPerformed(ActionEvent e) {
        ctx.frame().openLab(lab);
    }
}
