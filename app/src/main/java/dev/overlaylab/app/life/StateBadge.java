package dev.overlaylab.app.life;

import dev.overlaylab.app.ui.Colors;
import dev.overlaylab.app.ui.Icons;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.compose.LabStatus;
import javax.swing.JLabel;

/** A lab's state as one coloured word with its icon; the evidence is the tooltip. */
final class StateBadge {
    private StateBadge() {
    }

    static void show(JLabel l, StateReader.Reading r) {
        if (r == null) {
            set(l, "status-running", "running", Messages.get("life.state.checking"), null);
        } else if (r.status().isPresent()) {
            LabStatus s = r.status().get();
            switch (s.state()) {
                case UP -> set(l, "status-ok", "passed", Messages.get("life.state.UP"), s.reason());
                case BROKEN -> set(l, "status-failed", "failed", Messages.get("life.state.BROKEN"), s.reason());
                case HALTED -> set(l, "halt", "muted", Messages.get("life.state.HALTED"), s.reason());
                default -> set(l, "status-pending", "muted", Messages.get("life.state.NOT_CREATED"), s.reason());
            }
        } else {
            set(l, "warning", "muted", Messages.get("life.state.unknown"), r.problem());
        }
    }

    private static void set(JLabel l, String icon, String colour, String text, String tip) {
        l.setIcon(Icons.get(icon));
        l.setText(text);
        l.setForeground(Colors.get(colour));
        l.setToolTipText(tip == null || tip.isBlank() ? null : tip);
    }
}
