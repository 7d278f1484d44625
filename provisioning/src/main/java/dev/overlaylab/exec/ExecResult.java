package dev.overlaylab.exec;

import java.util.List;

/** What one external command did: its argv, exit code and captured output. A value, never mutated. */
public record ExecResult(List<String> argv, int exitCode, String stdout, String stderr) {

    public ExecResult {
        argv = List.copyOf(argv);
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }

    public boolean ok() {
        return exitCode == 0;
    }

    /** Returns this result when the command succeeded, otherwise throws a {@link CommandFailedException}. */
    public ExecResult orThrow() {
        if (!ok()) {
            throw new CommandFailedException(this);
        }
        return this;
    }

    /** The command as a person would type it, for error messages and dry-run output. */
    public String commandLine() {
        return Commands.toShellLine(argv);
    }
}
