package dev.overlaylab.app.progress;

import dev.overlaylab.app.progress.StageCell.State;
import dev.overlaylab.app.ui.Icons;
import dev.overlaylab.app.ui.Messages;
import java.awt.Component;
import java.util.Locale;
import javax.swing.JTable;
import javax.swing.table.DefaultTableCellRenderer;

/** Status icon, state and time in a grid cell; the engine's last line as tooltip. */
final class StageCellRenderer extends DefaultTableCellRenderer {
    @Override
    public Component getTableCellRendererComponent(JTable table, Object value, boolean sel, boolean focus, int row, int col) {
        super.getTableCellRendererComponent(table, "", sel, focus, row, col);
        StageCell c = (StageCell) value;
        if (c.state() == StageCell.State.NOT_APPLICABLE) {
            setIcon(null);
            setText("\u2014");
            setToolTipText(Messages.get("cell.notApplicable.tip"));
            return this;
        }
        setIcon(Icons.get(iconOf(c.state())));
        String state = Messages.get("cell." + c.state().name().toLowerCase(Locale.ROOT));
        boolean timed = c.state().finished() && !c.time().isZero();
        setText(timed ? state + "  " + seconds(c.time().toMillis()) : state);
        setToolTipText(c.message().isBlank() ? null : c.message());
        return this;
    }

    static String iconOf(State s) {
        return switch (s) {
            case PENDING -> "status-pending";
            case RUNNING -> "status-running";
            case UNCHANGED -> "status-ok";
            case CHANGED -> "status-changed";
            case PLANNED -> "status-planned";
            case SKIPPED, CANCELLED, NOT_RUN -> "status-skipped";
            case FAILED -> "status-failed";
            case NOT_APPLICABLE -> "status-skipped";
        };
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
