package dev.overlaylab.app.ui;

import java.awt.Color;
import javax.swing.UIManager;

/** The app's theme colours ({@code OverlayLab.*} keys in the theme properties), read at paint time. */
public final class Colors {
    private Colors() {
    }

    public static Color get(String key) {
        Color c = UIManager.getColor("OverlayLab." + key);
        return c != null ? c : UIManager.getColor("Label.foreground");
    }
}
