package dev.overlaylab.app.ui;

import java.awt.Color;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;

/** A strip with an icon and a message: "not available yet", validation problems, failures. */
public final class Banner extends JPanel {
    public enum Kind { INFO, WARNING, ERROR }

    private final JLabel icon = new JLabel();
    private final JTextArea text = new JTextArea();
    private Kind kind = Kind.INFO;

    public Banner() {
        super(new MigLayout("insets 8 10 8 10, fillx",
                // columns
                "[]10[grow,fill]",
                // rows
                "[top]"));
        text.setEditable(false);
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        text.setOpaque(false);
        text.setFocusable(false);
        text.setBorder(null);
        add(icon, "aligny top");
        add(text, "wmin 100");
        setVisible(false);
    }

    public void show(Kind k, String message) {
        kind = k;
        icon.setIcon(Icons.get(switch (k) {
            case INFO -> "info";
            case WARNING -> "warning";
            case ERROR -> "error";
        }));
        text.setText(message);
        applyColors();
        setVisible(true);
        revalidate();
    }

    public void clear() {
        setVisible(false);
    }

    public String message() {
        return text.getText();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (text != null) {
            applyColors();
        }
    }

    private void applyColors() {
        Color bg = Colors.get(kind == Kind.ERROR ? "error.background" : "banner.background");
        Color border = Colors.get(kind == Kind.ERROR ? "error.border" : "banner.border");
        setBackground(bg);
        setBorder(BorderFactory.createLineBorder(border));
        text.setForeground(UIManager.getColor("Label.foreground"));
        text.setFont(UIManager.getFont("Label.font"));
    }
}
