package dev.overlaylab.app.ui;

import com.formdev.flatlaf.FlatClientProperties;
import javax.swing.JComponent;

/** Fonts that must survive a theme switch (a font set with setFont from UIManager is a UIResource: updateUI drops it). */
public final class Fonts {
    private Fonts() {
    }

    /** Logs, evidence and file contents: FlatLaf's monospaced style class, which every theme re-applies. */
    public static void monospaced(JComponent c) {
        c.putClientProperty(FlatClientProperties.STYLE_CLASS, "monospaced");
    }
}
