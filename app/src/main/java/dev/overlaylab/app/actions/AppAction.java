package dev.overlaylab.app.actions;

import dev.overlaylab.app.ui.Icons;
import dev.overlaylab.app.ui.Messages;
import javax.swing.AbstractAction;
import javax.swing.KeyStroke;

/**
 * Base of every user command: one subclass per command, label/tooltip/icon/accelerator taken from
 * the messages bundle ({@code action.<id>}, {@code action.<id>.tip}).
 */
public abstract class AppAction extends AbstractAction {

    protected AppAction(String id, String icon, String accelerator) {
        super(Messages.get("action." + id));
        putValue(ACTION_COMMAND_KEY, id);
        String tipKey = "action." + id + ".tip";
        if (Messages.has(tipKey)) {
            putValue(SHORT_DESCRIPTION, Messages.get(tipKey));
        }
        if (icon != null) {
            putValue(SMALL_ICON, Icons.get(icon));
        }
        if (accelerator != null) {
            putValue(ACCELERATOR_KEY, KeyStroke.getKeyStroke(accelerator));
        }
        String mnemonicKey = "action." + id + ".mnemonic";
        if (Messages.has(mnemonicKey)) {
            putValue(MNEMONIC_KEY, (int) Messages.get(mnemonicKey).charAt(0));
        }
    }
}
