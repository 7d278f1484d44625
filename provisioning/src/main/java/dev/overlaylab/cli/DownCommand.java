package dev.overlaylab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code olab down LAB}: the provider removes what {@code up} made (for existing hosts: Overlay Lab's files and services only). */
@Command(name = "down", description = {
    "Remove what up made, and nothing else (existing hosts: only Overlay Lab's own files).",
    "VMs or local nodes for those providers; for existing hosts, the services, files and flanneld binary Overlay Lab installed, with the original files put back."})
final class DownCommand extends LabCommand {
    @Option(names = "--json", description = "one JSON object per event")
    boolean json;

    @Override
    int run() throws Exception {
        LabInput in = LabInput.open(lab);
        in.requireUsableProvider();
        RunOutput output = new RunOutput(out(), json);
        in.wiring().down(in.lab(), in.provider(), output.listener());
        return LifecycleOutput.done(spec, json, "down");
    }
}
