package dev.overlaylab.app.verify;

import dev.overlaylab.app.engine.CheckResult;
import dev.overlaylab.app.ui.Colors;
import dev.overlaylab.app.ui.Icons;
import dev.overlaylab.app.ui.Messages;
import java.awt.Component;
import javax.swing.JTable;
import javax.swing.SwingConstants;
import javax.swing.table.DefaultTableCellRenderer;

/** Green/red cell with the evidence as tooltip; "—" where a check does not apply. */
final class CheckCellRenderer extends DefaultTableCellRenderer {
    CheckCellRenderer() {
        setHorizontalAlignment(SwingConstants.CENTER);
    }

    @Override
    public Component getTableCellRendererComponent(JTable table, Object value, boolean sel, boolean focus, int row, int col) {
        // Reset first: setBackground on a DefaultTableCellRenderer sticks to later cells otherwise.
        setBackground(null);
        setForeground(null);
        super.getTableCellRendererComponent(table, "", sel, focus, row, col);
        if (value instanceof CheckResult r && r.skipped()) {
            setIcon(Icons.get("status-skipped"));
            setText(Messages.get("verify.skip"));
            setToolTipText(r.evidence().isBlank() ? null : r.evidence());
        } else if (value instanceof CheckResult r) {
            setIcon(Icons.get(r.passed() ? "status-ok" : "status-failed"));
            setText(Messages.get(r.passed() ? "verify.pass" : "verify.fail"));
            if (!sel) {
                setBackground(Colors.get(r.passed() ? "passed.background" : "failed.background"));
                setForeground(Colors.get(r.passed() ? "passed" : "failed"));
            }
            setToolTipText("<html><pre>" + r.evidence().replace("&", "&amp;").replace("<", "&lt;") + "</pre></html>");
        } else {
            setIcon(null);
            setText("—");
            setToolTipText(null);
        }
        return this;
    }
}
