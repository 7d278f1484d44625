package dev.overlaylab.engine;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.render.RenderedFile;
import dev.overlaylab.ssh.NodeShell;
import java.time.Duration;
import java.util.List;

/**
 * What a step sees: the lab, the node it works on (the master for lab-wide stages), that node's
 * rendered files, and — outside a dry run — the node's shell.
 */
public final class StepContext {
    private final LabRun run;
    private final String stage;
    private final String nodeName;
    private final boolean labWide;
    private String step = "";

    StepContext(LabRun run, String stage, String nodeName, boolean labWide) {
        this.run = run;
        this.stage = stage;
        this.nodeName = nodeName;
        this.labWide = labWide;
    }

    void at(String stepName) {
        this.step = stepName;
    }

    public LabRun run() {
        return run;
    }

    public Lab lab() {
        return run.lab();
    }

    public Node node() {
        return run.node(nodeName);
    }

    public RunOptions options() {
        return run.options();
    }

    /** This node's rendered files, in render order. */
    public List<RenderedFile> files() {
        return run.rendered().filesOf(nodeName);
    }

    /** This node's rendered files owned by {@code component} ({@code etcd}, {@code flannel}, {@code docker}, {@code network}). */
    public List<RenderedFile> files(String component) {
        return files().stream().filter(f -> f.component().equals(component)).toList();
    }

    /** The connected shell; throws in a dry run, so a step's {@code plan} can never touch the node. */
    public NodeShell shell() {
        return run.shell(nodeName);
    }

    public NodeRun nodeRun() {
        return run.nodeRun(nodeName);
    }

    /** Runs a read-only probe and returns its result whatever the exit code. */
    public ExecResult probe(String command) {
        return shell().exec(command, Duration.ofSeconds(30));
    }

    /** Runs a command that must succeed; a non-zero exit becomes a {@link StepFailure} with its stderr. */
    public ExecResult run(String command, String what, String fix) {
        return run(command, Duration.ofSeconds(120), what, fix);
    }

    public ExecResult run(String command, Duration timeout, String what, String fix) {
        ExecResult r = shell().exec(command, timeout);
        if (!r.ok()) {
            throw StepFailure.command(what, command, r, fix);
        }
        return r;
    }

    /** A line of progress within a long step (shown under the step, not as a result). */
    public void progress(String message) {
        run.listener().on(ProgressEvent.of(stage, labWide ? "" : nodeName, step, ProgressEvent.Status.PROGRESS, message));
    }
}
