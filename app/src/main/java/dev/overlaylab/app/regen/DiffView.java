package dev.overlaylab.app.regen;

import dev.overlaylab.app.ui.Colors;
import java.awt.Font;
import javax.swing.JTextPane;
import javax.swing.UIManager;
import javax.swing.text.BadLocationException;
import javax.swing.text.SimpleAttributeSet;
import javax.swing.text.StyleConstants;
import javax.swing.text.StyledDocument;

/** A read-only unified diff with added/removed lines tinted. */
final class DiffView extends JTextPane {
    DiffView() {
        setName("regen.diff");
        setEditable(false);
        dev.overlaylab.app.ui.Fonts.monospaced(this);
    }

    void show(String unified) {
        StyledDocument doc = getStyledDocument();
        try {
            doc.remove(0, doc.getLength());
            for (String line : unified.split("\n", -1)) {
                SimpleAttributeSet a = new SimpleAttributeSet();
                if (line.startsWith("+") && !line.startsWith("+++")) {
                    StyleConstants.setBackground(a, Colors.get("diff.added"));
                } else if (line.startsWith("-") && !line.startsWith("---")) {
                    StyleConstants.setBackground(a, Colors.get("diff.removed"));
                } else if (line.startsWith("@@")) {
                    StyleConstants.setForeground(a, Colors.get("diff.hunk"));
                }
                doc.insertString(doc.getLength(), line + "\n", a);
            }
        } catch (BadLocationException e) {
            throw new IllegalStateException(e);
        }
        setCaretPosition(0);
    }
}
