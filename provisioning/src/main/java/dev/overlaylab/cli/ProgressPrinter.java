package dev.overlaylab.cli;

import dev.overlaylab.engine.Failure;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.engine.RunResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Progress for people: one line per finished step (stage, node, step, outcome, time, message), and
 * on a terminal a transient line naming the step running now;
 * a dry run prints the plan grouped by stage and node; failures print their evidence and fix.
 * Thread-safe: nodes report from several threads.
 */
final class ProgressPrinter implements ProgressListener {
    private final PrintWriter out;
    private final boolean color;
    private boolean transientLine;
    private String lastStage = "";
    private String lastPlanNode = null;
    private StageTally tally;

    ProgressPrinter(PrintWriter out, boolean color) {
        this.out = out;
        this.color = color;
    }

    /** Per-stage node counts for this run (olab up): on the running line and one line per finished stage. */
    synchronized void tally(StageTally t) {
        this.tally = t;
    }

    @Override
    public synchronized void on(ProgressEvent e) {
        clearTransient();
        String stageDone = tally == null ? null : tally.on(e);
        switch (e.status()) {
            case STARTED -> {
                // on a terminal, what is running now, overwritten by the next line
                if (color) {
                    out.printf("  … %s%s %s %s", tally == null ? "" : tally.where(e.stage()), e.stage(), e.node(), e.step());
                    transientLine = true;
                    out.flush();
                }
                return;
            }
            case PLANNED -> planned(e);
            case PROGRESS -> out.printf("%-15s %-10s   … %s%n", "", e.node(), e.message());
            case FAILED -> {
                out.printf("%-15s %-10s %-26s %s %8s%n", e.stage(), e.node(), e.step(), paint("FAILED", "31;1"), time(e.duration()));
                out.println("  " + e.message().replace("\n", "\n  "));
            }
            default -> out.printf("%-15s %-10s %-26s %s %8s  %s%n", e.stage(), e.node(), e.step(), status(e.status()),
                    time(e.duration()), e.message());
        }
        if (stageDone != null) {
            out.println(paint(stageDone, "1"));
        }
        out.flush();
    }

    private void clearTransient() {
        if (transientLine) {
            out.print("\r\u001b[K");
            transientLine = false;
        }
    }

    private void planned(ProgressEvent e) {
        if (!e.stage().equals(lastStage)) {
            out.println();
            out.println(paint("== " + e.stage(), "1"));
            lastStage = e.stage();
            lastPlanNode = null;
        }
        if (!e.node().equals(lastPlanNode)) {
            out.println("  " + (e.node().isEmpty() ? "(lab)" : e.node()));
            lastPlanNode = e.node();
        }
        out.println("    " + e.step());
        for (String line : e.message().split("\n")) {
            if (!line.isBlank()) {
                out.println("      - " + line);
            }
        }
    }

    private String status(Status s) {
        String word = s.name().toLowerCase(Locale.ROOT);
        String padded = String.format("%-9s", word);
        return switch (s) {
            case CHANGED -> paint(padded, "33");
            case UNCHANGED -> paint(padded, "32");
            case SKIPPED -> paint(padded, "2");
            default -> padded;
        };
    }

    private String paint(String text, String sgr) {
        return color ? "\u001b[" + sgr + "m" + text + "\u001b[0m" : text;
    }

    static String time(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** The end of a run: its summary, then each failure in full and how to continue. */
    synchronized void finish(RunResult r, String labArg, boolean dryRun) {
        clearTransient();
        out.println();
        if (dryRun) {
            out.println("dry run: nothing was touched. Run without --dry-run to apply.");
        } else {
            out.println(r.summary());
            if (!r.restarts().isEmpty()) {
                out.println("restarted: " + String.join(", ", r.restarts()));
            }
        }
        for (Failure f : r.failures()) {
            out.println();
            out.println(f.describe());
        }
        if (!r.ok()) {
            out.println();
            out.println("The lab is left as it is; every step checks the node first, so after fixing the cause,");
            out.println("`olab up " + labArg + "` continues from where it stopped.");
        }
        out.flush();
    }

    /** Lines of {@code --json}: one object per event, then one summary object. */
    static final class JsonLines implements ProgressListener {
        private final PrintWriter out;

        JsonLines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public synchronized void on(ProgressEvent e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "event");
            m.put("stage", e.stage());
            m.put("node", e.node());
            m.put("step", e.step());
            m.put("status", e.status().name());
            m.put("durationMs", e.duration().toMillis());
            m.put("message", e.message());
            out.println(Json.write(m));
            out.flush();
        }

        synchronized void finish(RunResult r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "summary");
            m.put("ok", r.ok());
            m.put("changed", r.changed());
            m.put("unchanged", r.unchanged());
            m.put("restarts", r.restarts());
            m.put("durationMs", r.took().toMillis());
            m.put("failures", r.failures().stream().map(f -> {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("stage", f.stage());
                fm.put("node", f.node());
                fm.put("step", f.step());
                fm.put("what", f.what());
                fm.put("command", f.command());
                fm.put("evidence", f.evidence());
                fm.put("fix", f.fix());
                return fm;
            }).toList());
            out.println(Json.write(m));
            out.flush();
        }
    }
}
