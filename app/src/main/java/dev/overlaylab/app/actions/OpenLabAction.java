package dev.overlaylab.app.actions;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.ui.Messages;
import java.awt.event.ActionEvent;
import java.io.File;
import javax.swing.JFileChooser;
import javax.swing.filechooser.FileNameExtensionFilter;

/** File ▸ Open lab: picks a lab file and opens it. */
public final class OpenLabAction extends AppAction {
    private final AppContext ctx;

    public OpenLabAction(AppContext ctx) {
        super("openLab", "open", "control O");
        this.ctx = ctx;
    }

    @Override
    public void actionPerformed(ActionEvent e) {
        JFileChooser chooser = new JFileChooser(ctx.prefs().lastDirectory().map(p -> p.toFile()).orElse(null));
        chooser.setDialogTitle(Messages.get("open.title"));
        chooser.setFileFilter(new FileNameExtensionFilter(Messages.get("file.filter.lab"), "yaml", "yml"));
        if (chooser.showOpenDialog(ctx.frame()) == JFileChooser.APPROVE_OPTION) {
            File f = chooser.getSelectedFile();
            ctx.prefs().setLastDirectory(f.toPath().toAbsolutePath().getParent());
            ctx.frame().openLab(f.toPath());
        }
    }
}
