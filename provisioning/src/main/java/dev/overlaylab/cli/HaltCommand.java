package dev.overlaylab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code olab halt LAB}: shut the lab's VMs down (ACPI, then power off after a bounded wait); disks are kept. */
@Command(name = "halt", description = {
    "Shut the lab's VirtualBox VMs down: ACPI power button, then power off if a VM has not stopped in time.",
    "Nothing is deleted; 'olab resume' starts them again."})
final class HaltCommand extends LabCommand {
    @Option(names = "--json", description = "one JSON object per event")
    boolean json;

    @Override
    int run() throws Exception {
        VirtualBoxLab in = VirtualBoxLab.open(lab, "halt");
        RunOutput output = new RunOutput(out(), json);
        in.lifecycle().halt(output.listener());
        return LifecycleOutput.done(spec, json, "halt");
    }
}
