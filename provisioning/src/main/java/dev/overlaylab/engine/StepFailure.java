package dev.overlaylab.engine;

import dev.overlaylab.exec.Commands;
import dev.overlaylab.exec.ExecResult;

/**
 * A step could not bring its node to the wanted state. Carries the evidence a person needs: the
 * command that failed, its stderr, and what to do. The engine adds the node and the step.
 */
public class StepFailure extends RuntimeException {
    private final String command;
    private final String evidence;
    private final String fix;

    public StepFailure(String what, String command, String evidence, String fix) {
        super(what);
        this.command = command == null ? "" : command;
        this.evidence = evidence == null ? "" : evidence.strip();
        this.fix = fix == null ? "" : fix;
    }

    /** A command that exited non-zero; the evidence is its stderr (or stdout when stderr is empty). */
    public static StepFailure command(String what, String command, ExecResult r, String fix) {
        String out = r.stderr().isBlank() ? r.stdout() : r.stderr();
        return new StepFailure(what + " (exit " + r.exitCode() + ")", command, Commands.excerpt(out.strip(), 1500), fix);
    }

    public String what() {
        return getMessage();
    }

    public String commandLine() {
        return command;
    }

    public String evidence() {
        return evidence;
    }

    public String fix() {
        return fix;
    }
}
