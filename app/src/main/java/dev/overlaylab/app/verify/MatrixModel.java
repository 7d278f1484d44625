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
 * One verification grid. Pair checks: a row per ordered node pair, a column per check. Per-node
 * checks (ten of them): a row per check, a column per node, so the grid stays readable. Row and
 * column order follow the engine's result order.
 */
public final class MatrixModel extends AbstractTableModel {
    public enum Kind { NODES, PAIRS }

    private final Kind kind;
    private final List<String> rows = new ArrayList<>();
    private final List<String> columns = new ArrayList<>();
    private final Map<String, CheckResult> cells = new HashMap<>();

    public MatrixModel(Kind kind) {
        this.kind = kind;
    }

    /** Replaces the grid with the results of this kind (pair results for PAIRS, per-node for NODES). */
    public void setResults(List<CheckResult> results) {
        rows.clear();
        columns.clear();
        cells.clear();
        LinkedHashSet<String> r = new LinkedHashSet<>();
        LinkedHashSet<String> c = new LinkedHashSet<>();
        for (CheckResult res : results) {
            if (belongs(res)) {
                r.add(row(res));
                c.add(column(res));
                cells.put(key(res), res);
            }
        }
        rows.addAll(r);
        columns.addAll(c);
        fireTableStructureChanged();
    }

    /** Replaces one cell (re-run of a single check); returns false if it is not in this grid. */
    public boolean update(CheckResult res) {
        if (!belongs(res) || !cells.containsKey(key(res))) {
            return false;
        }
        cells.put(key(res), res);
        fireTableCellUpdated(rows.indexOf(row(res)), columns.indexOf(column(res)) + 1);
        return true;
    }

    private boolean belongs(CheckResult r) {
        return (kind == Kind.PAIRS) == r.to().isPresent();
    }

    /** Where a check ran: {@code node1} or {@code node1 → node2}. */
    static String rowKey(CheckResult r) {
        return r.to().map(to -> r.from() + " → " + to).orElse(r.from());
    }

    private String row(CheckResult r) {
        return kind == Kind.PAIRS ? rowKey(r) : r.check();
    }

    private String column(CheckResult r) {
        return kind == Kind.PAIRS ? r.check() : r.from();
    }

    private String key(CheckResult r) {
        return row(r) + "\u0000" + column(r);
    }

    public Optional<CheckResult> at(int row, int column) {
        if (column < 1 || column > columns.size() || row < 0 || row >= rows.size()) {
            return Optional.empty();
        }
        return Optional.ofNullable(cells.get(rows.get(row) + "\u0000" + columns.get(column - 1)));
    }

    /** The first red cell, to show its evidence straight away. */
    public Optional<int[]> firstFailed() {
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 1; c <= columns.size(); c++) {
                if (at(r, c).map(CheckResult::failed).orElse(false)) {
                    return Optional.of(new int[] {r, c});
                }
            }
        }
        return Optional.empty();
    }

    public long failedCount() {
        return cells.values().stream().filter(CheckResult::failed).count();
    }

    public long passedCount() {
        return cells.values().stream().filter(CheckResult::passed).count();
    }

    /** Every cell green: none failed and none skipped. */
    public boolean allPassed() {
        return !cells.isEmpty() && cells.values().stream().allMatch(CheckResult::passed);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return columns.size() + 1;
    }

    @Override
    public String getColumnName(int column) {
        if (column == 0) {
            return Messages.get(kind == Kind.PAIRS ? "verify.col.pair" : "verify.col.check");
        }
        String col = columns.get(column - 1);
        return kind == Kind.PAIRS ? checkName(col) : col;
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return column == 0 ? String.class : CheckResult.class;
    }

    @Override
    public Object getValueAt(int row, int column) {
        if (column == 0) {
            return kind == Kind.PAIRS ? rows.get(row) : checkName(rows.get(row));
        }
        return at(row, column).orElse(null);
    }

    static String checkName(String id) {
        String key = "check." + id;
        return Messages.has(key) ? Messages.get(key) : id;
    }
}
