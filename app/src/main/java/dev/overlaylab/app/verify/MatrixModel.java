package dev.overlaylab.app.verify;

import dev.overlaylab.app.engine.CheckResult;
import dev.overlaylab.app.ui.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.swing.table.AbstractTableModel;

/**
 * One verification grid: rows are nodes (per-node checks) or ordered node pairs (pair checks),
 * columns are checks, cells are results. Row and column order follow the engine's result order.
 */
public final class MatrixModel extends AbstractTableModel {
    public enum Kind { NODES, PAIRS }

    private final Kind kind;
    private final List<String> rows = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();
    private final Map<String, CheckResult> cells = new HashMap<>();

    public MatrixModel(Kind kind) {
        this.kind = kind;
    }

    /** Replaces the grid with the results of this kind (pair results for PAIRS, per-node for NODES). */
    public void setResults(List<CheckResult> results) {
        rows.clear();
        checks.clear();
        cells.clear();
        LinkedHashSet<String> r = new LinkedHashSet<>();
        LinkedHashSet<String> c = new LinkedHashSet<>();
        for (CheckResult res : results) {
            if (belongs(res)) {
                r.add(rowKey(res));
                c.add(res.check());
                cells.put(rowKey(res) + "\u0000" + res.check(), res);
            }
        }
        rows.addAll(r);
        checks.addAll(c);
        fireTableStructureChanged();
    }

    /** Replaces one cell (re-run of a single check); returns false if it is not in this grid. */
    public boolean update(CheckResult res) {
        String key = rowKey(res) + "\u0000" + res.check();
        if (!belongs(res) || !cells.containsKey(key)) {
            return false;
        }
        cells.put(key, res);
        fireTableCellUpdated(rows.indexOf(rowKey(res)), checks.indexOf(res.check()) + 1);
        return true;
    }

    private boolean belongs(CheckResult r) {
        return (kind == Kind.PAIRS) == r.to().isPresent();
    }

    static String rowKey(CheckResult r) {
        return r.to().map(to -> r.from() + " → " + to).orElse(r.from());
    }

    public Optional<CheckResult> at(int row, int column) {
        if (column < 1 || row < 0 || row >= rows.size()) {
            return Optional.empty();
        }
        return Optional.ofNullable(cells.get(rows.get(row) + "\u0000" + checks.get(column - 1)));
    }

    public long failedCount() {
        return cells.values().stream().filter(CheckResult::failed).count();
    }

    public long passedCount() {
        return cells.values().stream().filter(CheckResult::passed).count();
    }

    public boolean allPassed() {
        return !cells.isEmpty() && failedCount() == 0;
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return checks.size() + 1;
    }

    @Override
    public String getColumnName(int column) {
        if (column == 0) {
            return Messages.get(kind == Kind.PAIRS ? "verify.col.pair" : "verify.col.node");
        }
        String id = checks.get(column - 1);
        String key = "check." + id;
        return Messages.has(key) ? Messages.get(key) : id;
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return column == 0 ? String.class : CheckResult.class;
    }

    @Override
    public Object getValueAt(int row, int column) {
        return column == 0 ? rows.get(row) : at(row, column).orElse(null);
    }
}
