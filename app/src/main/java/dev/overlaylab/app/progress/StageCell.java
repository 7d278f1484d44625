package dev.overlaylab.app.progress;

import dev.overlaylab.progress.ProgressEvent.Status;
import java.time.Duration;

/**
 * The state of one node × stage cell, folded from that stage's step events on that node.
 *
 * @param state   what the cell shows
 * @param time    total time of the steps that finished
 * @param message the last line from the engine for this cell
 */
public record StageCell(State state, Duration time, String message) {

    public enum State {
        PENDING, RUNNING, UNCHANGED, CHANGED, PLANNED, SKIPPED, CANCELLED, FAILED,
        /** the run stopped (a failure elsewhere) before this cell's turn: not pending any more */
        NOT_RUN,
        /** the stage does not run on this row (etcd only on etcd nodes, the network config once per lab) */
        NOT_APPLICABLE;

        public boolean finished() {
            return this != PENDING && this != RUNNING;
        }

        /** When a stage has several steps, the cell shows the most telling one. */
        int weight() {
            return switch (this) {
                case PENDING -> 0;
                case SKIPPED, NOT_RUN -> 1;
                case UNCHANGED -> 2;
                case PLANNED -> 3;
                case CHANGED -> 4;
                case CANCELLED -> 5;
                case RUNNING -> 6;
                case FAILED -> 7;
                case NOT_APPLICABLE -> -1;
            };
        }

        static State of(Status s) {
            return switch (s) {
                case STARTED, PROGRESS -> RUNNING;
                case UNCHANGED -> UNCHANGED;
                case CHANGED -> CHANGED;
                case PLANNED -> PLANNED;
                case FAILED -> FAILED;
                case SKIPPED -> SKIPPED;
            };
        }
    }

    public static final StageCell PENDING = new StageCell(State.PENDING, Duration.ZERO, "");
    public static final StageCell NOT_APPLICABLE = new StageCell(State.NOT_APPLICABLE, Duration.ZERO, "");
}
