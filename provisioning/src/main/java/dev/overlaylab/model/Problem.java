package dev.overlaylab.model;

/**
 * One thing wrong with a lab file, found before anything is created.
 *
 * @param path    field path, e.g. {@code flannel.network} or {@code nodes[1].ip}
 * @param message what is wrong and, where known, the fix
 * @param line    1-based line in the lab file, 0 when unknown
 * @param column  1-based column, 0 when unknown
 */
public record Problem(String path, String message, int line, int column) {

    public static Problem at(String path, String message) {
        return new Problem(path, message, 0, 0);
    }

    /** {@code path: message} with {@code (line L, column C)} when known. */
    @Override
    public String toString() {
        String where = line > 0 ? " (line " + line + ", column " + column + ")" : "";
        return path + ": " + message + where;
    }
}
