package dev.overlaylab.exec;

/** An external command exited non-zero. Carries argv, stdout and stderr so the person sees the evidence. */
public class CommandFailedException extends RuntimeException {
    private final ExecResult result;

    public CommandFailedException(ExecResult result) {
        this(result, null);
    }

    public CommandFailedException(ExecResult result, String hint) {
        super(message(result, hint));
        this.result = result;
    }

    public ExecResult result() {
        return result;
    }

    private static String message(ExecResult r, String hint) {
        StringBuilder sb = new StringBuilder();
        sb.append("command failed (exit ").append(r.exitCode()).append("): ").append(r.commandLine());
        String err = r.stderr().strip();
        if (err.isEmpty()) {
            err = r.stdout().strip();
        }
        if (!err.isEmpty()) {
            sb.append("\n  ").append(Commands.excerpt(err, 2000).replace("\n", "\n  "));
        }
        if (hint != null && !hint.isBlank()) {
            sb.append("\n  fix: ").append(hint);
        }
        return sb.toString();
    }
}
