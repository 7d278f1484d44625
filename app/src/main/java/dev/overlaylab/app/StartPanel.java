package dev.overlaylab.app;

import com.formdev.flatlaf.FlatClientProperties;
import com.formdev.flatlaf.extras.FlatSVGIcon;
import dev.overlaylab.app.actions.NewLabAction;
import dev.overlaylab.app.actions.OpenLabAction;
import dev.overlaylab.app.ui.Icons;
import dev.overlaylab.app.ui.Messages;
import java.nio.file.Path;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;

/** The start screen: create a lab, open one, or pick one of your labs (with its live state); and whether this machine can run labs. */
final class StartPanel extends JPanel {
    private final AppContext ctx;
    private final JPanel recentCard = new JPanel();
    private final JLabel emptyTitle = new JLabel(Messages.get("start.empty.title"));
    private final JLabel emptyText = new JLabel("<html><div style='text-align:center; width:420px'>"
            + Messages.get("start.empty.text") + "</div></html>");
    private final JLabel emptyIcon = new JLabel(Icons.get("new-lab", 40));
    private final dev.overlaylab.app.life.LabListPanel labList;

    StartPanel(AppContext ctx) {
        super(new MigLayout("insets 28 60 28 60, fill, wrap 1",
                // columns
                "[center]",
                // rows
                "[]8[]4[]20[]16[]16[grow,top]"));
        this.ctx = ctx;
        this.labList = new dev.overlaylab.app.life.LabListPanel(ctx);
        setName("startPanel");

        JLabel logo = new JLabel(new FlatSVGIcon("dev/overlaylab/app/assets/logo.svg", 72, 72));
        JLabel title = new JLabel(Messages.get("app.title"));
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h0");
        JLabel subtitle = new JLabel(Messages.get("start.subtitle"));
        subtitle.putClientProperty(FlatClientProperties.STYLE, "foreground: $Label.disabledForeground");

        JButton newLab = new JButton(new NewLabAction(ctx));
        newLab.setName("start.newLab");
        // The call to action: styled like a default button (accent background) in either theme.
        // Every state takes the default button's colours: the button has focus when the window
        // opens, and FlatLaf's focused background alone left white text on pale blue.
        newLab.putClientProperty(FlatClientProperties.STYLE, "font: +2; arc: 10;"
                + "background: $Button.default.background; foreground: $Button.default.foreground;"
                + "focusedBackground: $Button.default.focusedBackground; hoverBackground: $Button.default.hoverBackground;"
                + "pressedBackground: $Button.default.pressedBackground; borderColor: $Button.default.borderColor;"
                + "focusedBorderColor: $Button.default.focusedBorderColor");
        newLab.setIcon(Icons.get("new-lab", 20));
        JButton open = new JButton(new OpenLabAction(ctx));
        open.setName("start.openLab");
        open.putClientProperty(FlatClientProperties.STYLE, "font: +2; arc: 10");
        open.setIcon(Icons.get("open", 20));

        add(logo);
        add(title);
        add(subtitle);
        add(newLab, "split 2, w 200!, h 40!");
        add(open, "w 200!, h 40!");
        // what this machine can run, with the fix for what it cannot (olab doctor's report)
        add(new MachineReadinessPanel(() -> ctx.service().readiness(), ctx.prefs()), "w 420:720:900");

        recentCard.setLayout(new MigLayout("insets 0, fillx, wrap 1",
                // columns: the recent list spans it; the empty state is centred in it
                "[560:720:840]",
                // rows: heading (or icon, title, text of the empty state), then the list
                "[]8[]"));
        recentCard.setOpaque(false);
        add(recentCard, "growy");

        emptyTitle.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
        emptyText.putClientProperty(FlatClientProperties.STYLE, "foreground: $Label.disabledForeground");
        refresh();
    }

    /** Re-reads the recent labs; shows the empty state (with its call to action) when there are none. */
    void refresh() {
        List<Path> labs = ctx.prefs().recentLabs();
        recentCard.removeAll();
        if (labs.isEmpty()) {
            recentCard.add(emptyIcon, "alignx center, gaptop 30");
            recentCard.add(emptyTitle, "alignx center");
            recentCard.add(emptyText, "alignx center");
        } else {
            // the lab list: each recent lab with its live state and its jobs (provision, verify, diagnose)
            recentCard.add(labList, "growx");
            labList.setLabs(labs);
        }
        recentCard.revalidate();
        recentCard.repaint();
    }
}
