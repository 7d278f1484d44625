package dev.overlaylab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** Maps what a command throws to the house exit codes with a message for people (never a stack trace). */
final class CliRun {
    private CliRun() {
    }

    static int guard(CommandLine.Model.CommandSpec spec, Callable<Integer> body) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return body.call();
        } catch (BadInput e) {
            err.println(e.getMessage());
            err.flush();
            return Olab.EXIT_BAD_INPUT;
        } catch (Exception e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage()); // "olab up", "olab image add"
            err.flush();
            return Olab.EXIT_FAILED;
        }
    }
}
