package dev.overlaylab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code olab validate LAB}: exit 0 and "ok", or exit 2 listing every problem with its field path. */
@Command(name = "validate", description = "Check a lab file and list every problem with its field path.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LAB", description = "the lab file (YAML)")
    Path lab;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("validate: not implemented yet");
    }
}
