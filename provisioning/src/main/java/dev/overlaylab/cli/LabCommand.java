package dev.overlaylab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;

/**
 * What every {@code olab COMMAND LAB} shares: the LAB parameter, picocli's spec, and the mapping of
 * what {@link #run()} throws to the house exit codes ({@link CliRun#guard}). A subclass declares only
 * its own options (each its own {@code --json}: their descriptions differ) and its body.
 */
abstract class LabCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LAB", description = "the lab file (YAML)")
    Path lab;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() {
        return CliRun.guard(spec, this::run);
    }

    /** The command's own work; {@link BadInput} → exit 2, any other exception → exit 1. */
    abstract int run() throws Exception;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
