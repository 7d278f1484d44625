package dev.overlaylab.cli;

import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.engine.RunResult;
import java.io.PrintWriter;

/** The output of a pipeline command: people's lines on a terminal, or {@code --json} lines. */
final class RunOutput {
    private final ProgressPrinter human;
    private final ProgressPrinter.JsonLines json;

    RunOutput(PrintWriter out, boolean asJson) {
        boolean tty = System.console() != null && System.getenv("NO_COLOR") == null;
        this.human = asJson ? null : new ProgressPrinter(out, tty);
        this.json = asJson ? new ProgressPrinter.JsonLines(out) : null;
    }

    /** Follow the stages of this run node by node (human output only). */
    RunOutput tally(java.util.List<dev.overlaylab.engine.Stage> stages, dev.overlaylab.model.Lab lab) {
        if (human != null) {
            human.tally(new StageTally(stages, lab));
        }
        return this;
    }

    ProgressListener listener() {
        return human != null ? human : json;
    }

    int finish(RunResult r, String labArg, boolean dryRun) {
        if (human != null) {
            human.finish(r, labArg, dryRun);
        } else {
            json.finish(r);
        }
        return r.ok() ? Olab.EXIT_OK : Olab.EXIT_FAILED;
    }
}
