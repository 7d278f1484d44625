package dev.overlaylab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code olab resume LAB}: start the lab's halted VMs (headless) and wait for SSH on each. */
@Command(name = "resume", description = "Start the lab's halted VirtualBox VMs (headless) and wait until SSH answers on each.")
final class ResumeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LAB", description = "the lab file (YAML)")
    Path lab;

    @Option(names = "--json", description = "one JSON object per event")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return CliRun.guard(spec, () -> {
            VirtualBoxLab in = VirtualBoxLab.open(lab, "resume");
            RunOutput output = new RunOutput(spec.commandLine().getOut(), json);
            in.provider().resume(in.lab(), output.listener());
            return LifecycleOutput.done(spec, json, "resume");
        });
    }
}
