package dev.overlaylab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code olab resume LAB}: start the lab's halted VMs (headless) and wait for SSH on each. */
@Command(name = "resume", description = "Start the lab's halted VirtualBox VMs (headless) and wait until SSH answers on each.")
final class ResumeCommand extends LabCommand {
    @Option(names = "--json", description = "one JSON object per event")
    boolean json;

    @Override
    int run() throws Exception {
        VirtualBoxLab in = VirtualBoxLab.open(lab, "resume");
        RunOutput output = new RunOutput(out(), json);
        in.lifecycle().resume(output.listener());
        return LifecycleOutput.done(spec, json, "resume");
    }
}
