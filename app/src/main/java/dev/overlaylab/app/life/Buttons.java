package dev.overlaylab.app.life;

import dev.overlaylab.app.ui.Dialogs;
import dev.overlaylab.app.ui.Icons;
import dev.overlaylab.app.ui.Messages;
import javax.swing.JButton;

/** The buttons of a lab's life screens: label and mnemonic from the messages, an icon, a name for tests. */
final class Buttons {
    private Buttons() {
    }

    static JButton of(String messageKey, String name, String icon) {
        JButton b = new JButton(Icons.get(icon));
        Dialogs.label(b, Messages.get(messageKey));
        b.setName(name);
        return b;
    }
}
