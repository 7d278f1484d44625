package dev.overlaylab.app;

import dev.overlaylab.cli.Olab;

/**
 * The single entry point behind {@code ./olab}: no arguments (or {@code gui}) opens the desktop app,
 * anything else is the command line.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || (args.length == 1 && "gui".equals(args[0]))) {
            System.err.println("The desktop app is not built yet; see ./olab --help for the command line.");
            System.exit(1);
            return;
        }
        System.exit(Olab.execute(args));
    }
}
