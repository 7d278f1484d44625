package dev.overlaylab.app.life;

import javax.swing.JTextArea;
import javax.swing.UIManager;

/**
 * Running text that wraps at the width its layout gives it (a label would be clipped or need a fixed
 * HTML width); label font and colours, read again on a theme switch; not focusable, so Enter stays
 * with the default button.
 */
final class Prose extends JTextArea {
    private String colourKey;

    Prose(String text) {
        super(text);
        setEditable(false);
        setFocusable(false);
        setLineWrap(true);
        setWrapStyleWord(true);
        setOpaque(false);
        setBorder(null);
        restyle();
    }

    /** Draws the text in the theme colour {@code OverlayLab.<key>}; null for the label colour. */
    void colour(String key) {
        colourKey = key;
        restyle();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        restyle();
    }

    private void restyle() {
        setFont(UIManager.getFont("Label.font"));
        setForeground(colourKey == null ? UIManager.getColor("Label.foreground") : dev.overlaylab.app.ui.Colors.get(colourKey));
    }
}
