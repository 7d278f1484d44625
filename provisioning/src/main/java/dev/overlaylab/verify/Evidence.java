package dev.overlaylab.verify;

import dev.overlaylab.exec.Commands;
import dev.overlaylab.exec.ExecResult;

/**
 * What a check ran and what it saw, so a person can repeat it on the node.
 *
 * @param command the command line as run on the node (or a description for lab-level facts)
 * @param output  an excerpt of stdout and stderr, with the exit code when it was not 0
 */
public record Evidence(String command, String output) {
    private static final int MAX = 1200;

    public static Evidence of(String command, ExecResult r) {
        StringBuilder sb = new StringBuilder(r.stdout().strip());
        String err = r.stderr().strip();
        if (!err.isEmpty()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(err);
        }
        if (!r.ok()) {
            sb.append(sb.length() > 0 ? "\n" : "").append("(exit ").append(r.exitCode()).append(')');
        }
        return new Evidence(command, Commands.excerpt(sb.toString(), MAX));
    }

    public static Evidence note(String what) {
        return new Evidence("", what);
    }
}
