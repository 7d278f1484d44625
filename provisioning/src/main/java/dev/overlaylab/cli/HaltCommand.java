package dev.overlaylab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code olab halt LAB}: shut the lab's VMs down (ACPI, then power off after a bounded wait); disks are kept. */
@Command(name = "halt", description = {
    "Shut the lab's VirtualBox VMs down: ACPI power button, then power off if a VM has not stopped in time.",
    "Nothing is deleted; 'olab resume' starts them again."})
final class HaltCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LAB", description = "the lab file (YAML)")
    Path lab;

    @Option(names = "--json", description = "one JSON object per event")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return CliRun.guard(spec, () -> {
            VirtualBoxLab in = VirtualBoxLab.open(lab, "halt");
            RunOutput output = new RunOutput(spec.commandLine().getOut(), json);
            in.provider().lifecycle(in.lab()).halt(output.listener());
            return LifecycleOutput.done(spec, json, "halt");
        });
    }
}
