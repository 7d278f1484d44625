package dev.overlaylab.app.diagnose;

import com.formdev.flatlaf.FlatClientProperties;
import dev.overlaylab.app.engine.Diagnosis;
import dev.overlaylab.app.ui.Messages;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;

/**
 * The findings of one diagnosis, one block each: the stable id and the cause, what was seen (node and
 * command, then the excerpt in monospace), the fix, and whether a button can apply it. Tracks the
 * viewport's width so long lines wrap instead of scrolling sideways.
 */
final class FindingsView extends JPanel implements Scrollable {

    FindingsView() {
        super(new MigLayout("insets 8, fillx, wrap 1",
                // columns
                "[grow, fill]",
                // rows
                ""));
        setName("diagnose.findings");
        message(Messages.get("diagnose.findings.empty"));
    }

    /** A single line of text instead of findings (nothing run yet, healthy, hidden). */
    void message(String text) {
        removeAll();
        add(wrap(text, UIManager.getFont("Label.font")), "wmin 0");
        revalidate();
        repaint();
    }

    void show(List<Diagnosis.Item> findings) {
        if (findings.isEmpty()) {
            message(Messages.get("diagnose.findings.none"));
            return;
        }
        removeAll();
        for (int i = 0; i < findings.size(); i++) {
            add(block(findings.get(i)), "wmin 0" + (i > 0 ? ", gaptop 12" : ""));
        }
        revalidate();
        repaint();
    }

    private static JPanel block(Diagnosis.Item f) {
        JPanel p = new JPanel(new MigLayout("insets 10 12 10 12, fillx, wrap 2",
                // columns: label, text
                "[][grow, fill]",
                // rows
                ""));
        p.setName("diagnose.finding." + f.id());
        p.putClientProperty(FlatClientProperties.STYLE, "arc: 10; background: lighten($Panel.background, 3%);"
                + " border: 1,1,1,1, $Component.borderColor, 1, 10");
        Font mono = monospaced();
        JLabel id = new JLabel(f.id());
        id.setName("diagnose.finding.id");
        id.setFont(mono.deriveFont(Font.BOLD));
        id.putClientProperty(FlatClientProperties.STYLE, "foreground: $Component.accentColor");
        JTextArea cause = wrap(f.cause(), UIManager.getFont("h4.font") != null ? UIManager.getFont("h4.font")
                : UIManager.getFont("Label.font").deriveFont(Font.BOLD));
        p.add(id, "aligny top");
        p.add(cause, "wmin 0");

        p.add(caption(Messages.get("diagnose.evidence")), "aligny top, gaptop 6");
        JPanel seen = new JPanel(new MigLayout("insets 0, fillx, wrap 1",
                // columns
                "[grow, fill]",
                // rows
                ""));
        seen.setOpaque(false);
        for (Diagnosis.Excerpt e : f.evidence()) {
            String where = e.node().isEmpty() ? "" : e.node() + (e.command().isEmpty() ? "" : " $ " + e.command());
            if (where.isEmpty() && !e.command().isEmpty()) {
                where = "$ " + e.command();
            }
            if (!where.isEmpty()) {
                JTextArea w = wrap(where, mono.deriveFont(Font.BOLD));
                seen.add(w, "wmin 0");
            }
            JTextArea text = wrap(e.text(), mono);
            text.setName("diagnose.finding.excerpt");
            seen.add(text, "wmin 0, gapleft " + (where.isEmpty() ? 0 : 16) + ", gapbottom 4");
        }
        p.add(seen, "wmin 0, gaptop 6");

        p.add(caption(Messages.get("diagnose.fixLabel")), "aligny top, gaptop 6");
        JTextArea fix = wrap(ForPeople.fix(f.fix(), Messages.get("diagnose.fix")), UIManager.getFont("Label.font"));
        fix.setName("diagnose.finding.fix");
        p.add(fix, "wmin 0, gaptop 6");
        JTextArea repair = wrap(Messages.get("diagnose.repair." + f.repair().name()), UIManager.getFont("Label.font"));
        repair.setName("diagnose.finding.repair");
        repair.putClientProperty(FlatClientProperties.STYLE, "foreground: $Label.disabledForeground");
        p.add(repair, "skip 1, wmin 0");
        return p;
    }

    private static JLabel caption(String text) {
        JLabel l = new JLabel(text);
        l.putClientProperty(FlatClientProperties.STYLE, "foreground: $Label.disabledForeground");
        return l;
    }

    static Font monospaced() {
        Font mono = UIManager.getFont("monospaced.font");
        return mono != null ? mono : new Font(Font.MONOSPACED, Font.PLAIN, UIManager.getFont("Label.font").getSize());
    }

    /** Read-only text that wraps at words (JLabel cannot), selectable so evidence can be copied. */
    static JTextArea wrap(String text, Font font) {
        JTextArea a = new JTextArea(text);
        a.setEditable(false);
        a.setLineWrap(true);
        a.setWrapStyleWord(true);
        a.setOpaque(false);
        a.setBorder(null);
        a.setFont(font.deriveFont(font.getStyle(), font.getSize2D())); // not a UIResource: a theme switch keeps it
        return a;
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return 16;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL ? visible.height - 16 : visible.width;
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return true;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return false;
    }

    /** Every text shown, for tests and for copying: ids, causes, evidence, fixes. */
    String text() {
        StringBuilder b = new StringBuilder();
        collect(this, b);
        return b.toString();
    }

    private static void collect(java.awt.Component c, StringBuilder b) {
        if (c instanceof JLabel l) {
            b.append(l.getText()).append('\n');
        } else if (c instanceof JTextArea t) {
            b.append(t.getText()).append('\n');
        }
        if (c instanceof JComponent k) {
            for (java.awt.Component child : k.getComponents()) {
                collect(child, b);
            }
        }
    }
}
