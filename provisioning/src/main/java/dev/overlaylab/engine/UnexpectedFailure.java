package dev.overlaylab.engine;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The fix line of a step error that does not explain itself ({@link dev.overlaylab.exec.Explained}).
 * Only an I/O error while working on a node is about reaching it; a message that already ends in its
 * own fix (etcd's, the local provider's) keeps it as the only one; anything else is unexpected and
 * said so, instead of a guess that sends a person after the wrong cause (a non-root "up" was once
 * told to check that master is running).
 */
final class UnexpectedFailure {
    private UnexpectedFailure() {
    }

    /** @param node the node the step ran on, empty for a lab-wide step */
    static String fix(RuntimeException e, String node) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("fix:") || message.contains("\nRun ") || message.contains(": run ")) {
            return "";   // the message names its own fix: one fix line, not two
        }
        if (!node.isEmpty() && ioError(e)) {
            return "check that " + node + " is running and reachable, then run up again to continue";
        }
        return "this error was not expected here (" + e.getClass().getSimpleName() + "): run up again to continue; if it"
                + " comes back, report it with this output";
    }

    private static boolean ioError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }
}
