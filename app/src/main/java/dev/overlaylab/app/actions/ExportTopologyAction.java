package dev.overlaylab.app.actions;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.topology.Palette;
import dev.overlaylab.app.topology.ScenePainter;
import dev.overlaylab.app.topology.SvgWriter;
import dev.overlaylab.app.topology.TopologyView;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.app.ui.Worker;
import java.awt.Font;
import java.awt.event.ActionEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.UIManager;
import javax.swing.filechooser.FileNameExtensionFilter;

/** Topology ▸ Export as PNG / SVG. The picture is prepared on the event thread, written off it. */
public final class ExportTopologyAction extends AppAction {
    public enum Format { PNG, SVG }

    private final AppContext ctx;
    private final TopologyView view;
    private final Format format;

    public ExportTopologyAction(AppContext ctx, TopologyView view, Format format) {
        super("export." + format.name().toLowerCase(Locale.ROOT), "export", null);
        this.ctx = ctx;
        this.view = view;
        this.format = format;
    }

    @Override
    public void actionPerformed(ActionEvent e) {
        String ext = format.name().toLowerCase(Locale.ROOT);
        JFileChooser chooser = new JFileChooser(ctx.prefs().lastDirectory().map(Path::toFile).orElse(null));
        chooser.setFileFilter(new FileNameExtensionFilter(format.name(), ext));
        chooser.setSelectedFile(new File(view.input().lab() + "-topology." + ext));
        if (chooser.showSaveDialog(ctx.frame()) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path target = withExtension(chooser.getSelectedFile().toPath(), ext);
        export(target);
    }

    /** Writes the current picture to {@code target} (also used by tests and the README screenshots). */
    public void export(Path target) {
        Palette palette = Palette.theme();
        Font font = UIManager.getFont("Label.font");
        Object prepared = format == Format.SVG
                ? SvgWriter.write(view.scene(), palette)
                : ScenePainter.image(view.scene(), palette, font, 2.0);
        Worker.<Path>of(() -> {
            if (prepared instanceof String svg) {
                Files.writeString(target, svg, StandardCharsets.UTF_8);
            } else {
                ImageIO.write((BufferedImage) prepared, "png", target.toFile());
            }
            return target;
        }, p -> ctx.prefs().setLastDirectory(p.toAbsolutePath().getParent()),
                err -> JOptionPane.showMessageDialog(ctx.frame(),
                        Messages.format("export.failed", target, err.getMessage()),
                        Messages.get("export.failed.title"), JOptionPane.ERROR_MESSAGE)).execute();
    }

    static Path withExtension(Path p, String ext) {
        String name = p.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith("." + ext) ? p : p.resolveSibling(name + "." + ext);
    }
}
