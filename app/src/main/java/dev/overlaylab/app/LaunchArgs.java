package dev.overlaylab.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the one launcher was asked for: the desktop app (no arguments, {@code gui}, {@code gui FILE},
 * or a lab file alone, as a file manager passes it on a double click) or the command line (anything
 * else). The desktop entry runs {@code overlay-lab gui %f}.
 *
 * @param gui the desktop app, not the command line
 * @param lab the lab file to open in it, if one was given
 */
record LaunchArgs(boolean gui, Optional<Path> lab) {

    static LaunchArgs parse(String[] args) {
        if (args.length == 0) {
            return new LaunchArgs(true, Optional.empty());
        }
        if ("gui".equals(args[0]) && args.length <= 2) {
            return new LaunchArgs(true, args.length == 2 ? Optional.of(Path.of(args[1])) : Optional.empty());
        }
        // No olab command ends in .yaml, so a lone lab file cannot be mistaken for one.
        if (args.length == 1 && (args[0].endsWith(".yaml") || args[0].endsWith(".yml"))) {
            return new LaunchArgs(true, Optional.of(Path.of(args[0])));
        }
        return new LaunchArgs(false, Optional.empty());
    }
}
