package dev.overlaylab.app.ui;

import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import javax.swing.AbstractAction;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.KeyStroke;

/** The dialog habits every dialog follows: ESC closes it, Enter presses the default button. */
public final class Dialogs {
    private Dialogs() {
    }

    public static void escapeCloses(JDialog dialog, Runnable onClose) {
        JComponent root = dialog.getRootPane();
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW)
                .put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "olab.close");
        root.getActionMap().put("olab.close", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                onClose.run();
            }
        });
    }

    public static void defaultButton(JDialog dialog, JButton button) {
        dialog.getRootPane().setDefaultButton(button);
    }
}
