package dev.overlaylab.app.progress;

import dev.overlaylab.app.engine.Stages;
import dev.overlaylab.app.progress.StageCell.State;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.swing.table.AbstractTableModel;

/**
 * The provisioning grid: one row per node (plus a "whole lab" row for lab-wide steps such as the etcd
 * network config), one column per stage. Fed with {@link ProgressEvent}s on the event thread.
 */
public final class StageGridModel extends AbstractTableModel {
    /** Row name for events that carry no node. */
    public static final String LAB_ROW = "";

    private final List<String> rows = new ArrayList<>();
    private final Map<String, StageCell[]> cells = new HashMap<>();
    /** Steps started but not finished, per row × stage: a cell is running while this is positive. */
    private final Map<String, int[]> open = new HashMap<>();
    /** The most telling finished outcome so far per row × stage (shown once nothing is running). */
    private final Map<String, State[]> outcome = new HashMap<>();
    /** When each cell's first step started and last step ended (app clock, nanoseconds; 0 = not yet). */
    private final Map<String, long[][]> clock = new HashMap<>();
    private final java.util.function.LongSupplier nanoTime;
    private ProgressEvent firstFailure;

    private final java.util.function.BiPredicate<String, String> applies;

    /** Every stage on every node row (no lab-wide row until a lab-wide event arrives). */
    public StageGridModel(List<String> nodes) {
        this(nodes, (row, stage) -> !row.equals(LAB_ROW), System::nanoTime);
    }

    /**
     * @param applies  whether a stage runs on a row ({@link #LAB_ROW} for lab-wide steps); the others show "—"
     * @param nanoTime the clock cell times are measured with (tests pass their own)
     */
    public StageGridModel(List<String> nodes, java.util.function.BiPredicate<String, String> applies,
            java.util.function.LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.applies = applies;
        nodes.forEach(this::addRow);
        if (Stages.ALL.stream().anyMatch(s -> applies.test(LAB_ROW, s))) {
            addRow(LAB_ROW);
        }
    }

    StageGridModel(List<String> nodes, java.util.function.LongSupplier nanoTime) {
        this(nodes, (row, stage) -> !row.equals(LAB_ROW), nanoTime);
    }

    private StageCell initial(String row, int col) {
        return applies.test(row, Stages.ALL.get(col)) ? StageCell.PENDING : StageCell.NOT_APPLICABLE;
    }

    private void addRow(String node) {
        rows.add(node);
        StageCell[] r = new StageCell[Stages.ALL.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = initial(node, i);
        }
        cells.put(node, r);
        open.put(node, new int[Stages.ALL.size()]);
        State[] o = new State[Stages.ALL.size()];
        java.util.Arrays.fill(o, State.PENDING);
        outcome.put(node, o);
        clock.put(node, new long[Stages.ALL.size()][2]);
    }

    /** Folds one event into its cell. Events for unknown stages only go to the log. */
    public void apply(ProgressEvent e) {
        int col = Stages.indexOf(e.stage());
        if (col < 0) {
            return;
        }
        String row = e.node() == null ? LAB_ROW : e.node();
        if (!cells.containsKey(row)) {
            addRow(row);
            fireTableRowsInserted(rows.size() - 1, rows.size() - 1);
        }
        StageCell old = cells.get(row)[col];
        int[] openSteps = open.get(row);
        State incoming = State.of(e.status());
        if (e.status() == Status.STARTED) {
            openSteps[col]++;
        } else if (e.status() != Status.PROGRESS && openSteps[col] > 0) {
            openSteps[col]--;
        }
        Duration time = cellTime(row, col, e);
        State[] outcomes = outcome.get(row);
        if (incoming.finished() && incoming.weight() > outcomes[col].weight()) {
            outcomes[col] = incoming;
        }
        State state;
        if (outcomes[col] == State.FAILED) {
            state = State.FAILED;
        } else if (openSteps[col] > 0 || (incoming == State.RUNNING && outcomes[col] == State.PENDING)) {
            state = State.RUNNING;
        } else {
            state = outcomes[col];
        }
        String msg = e.message() == null || e.message().isBlank() ? e.step() : e.message();
        cells.get(row)[col] = new StageCell(state, time, msg == null ? "" : msg);
        if (e.status() == Status.FAILED && firstFailure == null) {
            firstFailure = e;
        }
        int r = rows.indexOf(row);
        fireTableCellUpdated(r, col + 1);
    }

    /**
     * A cell's time is wall time from its first STARTED to its last finished step: steps of a stage
     * overlap (and providers report sub-steps), so adding their durations would overstate it. A cell
     * with no STARTED event takes the longest duration reported.
     */
    private Duration cellTime(String row, int col, ProgressEvent e) {
        long[] c = clock.get(row)[col];
        long now = nanoTime.getAsLong();
        if (e.status() == Status.STARTED && c[0] == 0) {
            c[0] = now;
        } else if (e.status() != Status.PROGRESS && e.status() != Status.STARTED) {
            c[1] = now;
        }
        Duration old = cells.get(row)[col].time();
        Duration reported = e.duration() == null ? Duration.ZERO : e.duration();
        if (c[0] != 0 && c[1] >= c[0]) {
            Duration wall = Duration.ofNanos(c[1] - c[0]);
            return wall.compareTo(reported) >= 0 ? wall : reported;
        }
        return reported.compareTo(old) > 0 ? reported : old;
    }

    /** Marks every running or pending cell as cancelled (the person pressed Cancel). */
    public void cancelOpenCells() {
        for (String row : rows) {
            StageCell[] r = cells.get(row);
            for (int i = 0; i < r.length; i++) {
                if (r[i].state() == State.RUNNING) {
                    r[i] = new StageCell(State.CANCELLED, r[i].time(), Messages.get("provision.cancelled"));
                }
            }
            java.util.Arrays.fill(open.get(row), 0);
        }
        fireTableDataChanged();
    }

    /** The run stopped on a failure: cells still waiting will not run now, and say so instead of "Pending". */
    public void markNotRun() {
        for (String row : rows) {
            StageCell[] r = cells.get(row);
            for (int i = 0; i < r.length; i++) {
                if (r[i].state() == State.PENDING) {
                    r[i] = new StageCell(State.NOT_RUN, r[i].time(), Messages.get("cell.not_run"));
                }
            }
        }
        fireTableDataChanged();
    }

    /** Clears cells from {@code fromStage} on (retry from here keeps the earlier, finished stages). */
    public void resetFrom(int fromStage) {
        for (String row : rows) {
            StageCell[] r = cells.get(row);
            for (int i = Math.max(0, fromStage); i < r.length; i++) {
                r[i] = initial(row, i);
                open.get(row)[i] = 0;
                outcome.get(row)[i] = State.PENDING;
                clock.get(row)[i] = new long[2];
            }
        }
        firstFailure = null;
        fireTableDataChanged();
    }

    /** Fraction of cells finished, 0..1 (the whole-lab row counts only once it has events). */
    public double progress() {
        int total = 0;
        int done = 0;
        for (String row : rows) {
            for (StageCell c : cells.get(row)) {
                if (c.state() == State.NOT_APPLICABLE) {
                    continue;
                }
                total++;
                if (c.state().finished() && c.state() != State.NOT_RUN) {
                    done++;
                }
            }
        }
        return total == 0 ? 0 : (double) done / total;
    }

    public Optional<ProgressEvent> firstFailure() {
        return Optional.ofNullable(firstFailure);
    }

    public StageCell cell(String node, String stage) {
        return cells.get(node)[Stages.indexOf(stage)];
    }

    public List<String> nodes() {
        return List.copyOf(rows);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return Stages.ALL.size() + 1;
    }

    @Override
    public String getColumnName(int column) {
        return column == 0 ? Messages.get("provision.col.node") : Messages.get("stage." + Stages.ALL.get(column - 1));
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return column == 0 ? String.class : StageCell.class;
    }

    @Override
    public Object getValueAt(int row, int column) {
        String node = rows.get(row);
        if (column == 0) {
            return node.equals(LAB_ROW) ? Messages.get("provision.row.lab") : node;
        }
        return cells.get(node)[column - 1];
    }
}
