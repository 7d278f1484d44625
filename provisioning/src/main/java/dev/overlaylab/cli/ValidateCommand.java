package dev.overlaylab.cli;

import dev.overlaylab.model.LabFileException;
import dev.overlaylab.model.LabLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code olab validate LAB}: exit 0 and "ok", or exit 2 listing every problem with its field path. */
@Command(name = "validate", description = "Check a lab file and list every problem with its field path.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LAB", description = "the lab file (YAML)")
    Path lab;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            java.util.List<dev.overlaylab.model.Problem> here = dev.overlaylab.model.HostFiles.problems(LabLoader.load(lab));
            if (!here.isEmpty()) {
                throw new LabFileException(here);
            }
            out.println("ok");
            out.flush();
            return Olab.EXIT_OK;
        } catch (LabFileException e) {
            LabInput.problemLines(lab, e).forEach(err::println);
            err.flush();
            return Olab.EXIT_BAD_INPUT;
        }
    }
}
