package dev.overlaylab.exec;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Small helpers for showing commands to people and quoting them for a remote shell. */
public final class Commands {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    private Commands() {
    }

    /** Single-quotes one word for a POSIX shell unless it is plainly safe. */
    public static String quote(String word) {
        if (!word.isEmpty() && SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    public static String toShellLine(List<String> argv) {
        return argv.stream().map(Commands::quote).collect(Collectors.joining(" "));
    }

    /** The first {@code max} characters of a long output, marked when cut. */
    public static String excerpt(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "\n… (" + (text.length() - max) + " more characters)";
    }
}
