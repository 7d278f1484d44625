package dev.overlaylab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code olab down LAB}: the provider removes what {@code up} made (for existing hosts: Overlay Lab's files and services only). */
@Command(name = "down", description = {
    "Remove what up made, and nothing else (existing hosts: only Overlay Lab's own files).",
    "VMs or local nodes for those providers; for existing hosts, the services, files and flanneld binary Overlay Lab installed, with the original files put back."})
final class DownCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LAB", description = "the lab file (YAML)")
    Path lab;

    @Option(names = "--json", description = "one JSON object per event")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return CliRun.guard(spec, () -> {
            LabInput in = LabInput.open(lab);
            RunOutput output = new RunOutput(spec.commandLine().getOut(), json);
            in.wiring().down(in.lab(), in.provider(), output.listener());
            spec.commandLine().getOut().println(json ? "{\"type\":\"summary\",\"ok\":true}" : "down: done");
            spec.commandLine().getOut().flush();
            return Olab.EXIT_OK;
        });
    }
}
