package dev.overlaylab.verify;

import java.util.Optional;

/**
 * How a check's evidence says its node could not be reached at all ({@link UnreachableShell}):
 * one wording, written here and read by the diagnosis, which must not blame flanneld or etcd for a
 * node it never saw.
 */
public final class Unreachable {
    private Unreachable() {
    }

    static String line(String node, String error) {
        return "cannot reach " + node + ": " + error;
    }

    /** The connection error when {@code output} says {@code node} could not be reached. */
    public static Optional<String> error(String node, String output) {
        String prefix = "cannot reach " + node + ": ";
        int at = output.indexOf(prefix);
        return at < 0 ? Optional.empty() : Optional.of(output.substring(at + prefix.length()).strip());
    }
}
