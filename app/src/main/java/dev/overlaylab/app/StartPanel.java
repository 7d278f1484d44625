package dev.overlaylab.app;

import com.formdev.flatlaf.FlatClientProperties;
import com.formdev.flatlaf.extras.FlatSVGIcon;
import dev.overlaylab.app.actions.NewLabAction;
import dev.overlaylab.app.actions.OpenLabAction;
import dev.overlaylab.app.ui.Colors;
import dev.overlaylab.app.ui.Icons;
import dev.overlaylab.app.ui.Messages;
import java.awt.Component;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.nio.file.Path;
import java.util.List;
import javax.swing.AbstractAction;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import net.miginfocom.swing.MigLayout;

/** The start screen: create a lab, open one, or pick a recent lab; and whether this machine can run labs. */
final class StartPanel extends JPanel {
    private final AppContext ctx;
    private final DefaultListModel<Path> recentModel = new DefaultListModel<>();
    private final JList<Path> recent = new JList<>(recentModel);
    private final JPanel recentCard = new JPanel();
    private final JLabel emptyTitle = new JLabel(Messages.get("start.empty.title"));
    private final JLabel emptyText = new JLabel("<html><div style='text-align:center; width:420px'>"
            + Messages.get("start.empty.text") + "</div></html>");
    private final JLabel emptyIcon = new JLabel(Icons.get("new-lab", 40));
    private final JScrollPane recentScroll = new JScrollPane(recent);

    StartPanel(AppContext ctx) {
        super(new MigLayout("insets 28 60 28 60, fill, wrap 1",
                // columns
                "[center]",
                // rows
                "[]8[]4[]20[]16[]16[grow,top]"));
        this.ctx = ctx;
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
                "[420:560:720]",
                // rows: heading (or icon, title, text of the empty state), then the list
                "[]8[]"));
        recentCard.setOpaque(false);
        add(recentCard, "growy");

        recent.setName("start.recent");
        recent.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        recent.setCellRenderer(new RecentRenderer());
        recent.setVisibleRowCount(6);
        recent.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    openSelected();
                }
            }
        });
        recent.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "open");
        recent.getActionMap().put("open", new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                openSelected();
            }
        });
        emptyTitle.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
        emptyText.putClientProperty(FlatClientProperties.STYLE, "foreground: $Label.disabledForeground");
        refresh();
    }

    /** Re-reads the recent labs; shows the empty state (with its call to action) when there are none. */
    void refresh() {
        recentModel.clear();
        List<Path> labs = ctx.prefs().recentLabs();
        labs.forEach(recentModel::addElement);
        recentCard.removeAll();
        if (labs.isEmpty()) {
            recentCard.add(emptyIcon, "alignx center, gaptop 30");
            recentCard.add(emptyTitle, "alignx center");
            recentCard.add(emptyText, "alignx center");
        } else {
            JLabel heading = new JLabel(Messages.get("start.recent"));
            heading.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
            recentCard.add(heading, "growx");
            recentCard.add(recentScroll, "growx, hmin 120, hmax 460");
            recent.setSelectedIndex(0);
        }
        recentCard.revalidate();
        recentCard.repaint();
    }

    private void openSelected() {
        Path p = recent.getSelectedValue();
        if (p != null) {
            ctx.frame().openLab(p);
        }
    }

    /** Lab file name in bold, its folder under it. */
    private static final class RecentRenderer extends DefaultListCellRenderer {
        @Override
        public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean sel, boolean focus) {
            super.getListCellRendererComponent(list, value, index, sel, focus);
            Path p = (Path) value;
            String folder = p.getParent() == null ? "" : p.getParent().toString();
            String muted = String.format("#%06x", Colors.get("muted").getRGB() & 0xFFFFFF);
            String style = sel ? "" : " style='color:" + muted + "'";
            setText("<html><b>" + esc(p.getFileName().toString()) + "</b><br><span" + style + ">"
                    + esc(folder) + "</span></html>");
            setIcon(Icons.get("node", 20));
            setBorder(javax.swing.BorderFactory.createEmptyBorder(6, 8, 6, 8));
            return this;
        }

        private static String esc(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;");
        }
    }
}
