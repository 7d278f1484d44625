package dev.overlaylab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code olab snapshot save|restore|list LAB [NAME]}: one VirtualBox snapshot per VM under one name.
 * A clean "after-provision" snapshot lets a class break the lab on purpose and get it back in seconds.
 */
@Command(name = "snapshot", description = {
    "VirtualBox snapshots of every VM of a lab under one name:",
    "save LAB NAME     take snapshot NAME of each VM (running VMs too)   restore LAB NAME  go back to NAME on each VM (the VMs must be halted first)   list LAB          the snapshots of each VM"})
final class SnapshotCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ACTION", description = "save, restore or list")
    Action action;

    @Parameters(index = "1", paramLabel = "LAB", description = "the lab file (YAML)")
    Path lab;

    @Parameters(index = "2", paramLabel = "NAME", arity = "0..1", description = "snapshot name, e.g. after-provision")
    String name;

    @Option(names = "--json", description = "one JSON object per event")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    enum Action { save, restore, list }

    @Override
    public Integer call() {
        return CliRun.guard(spec, () -> {
            if (action != Action.list && (name == null || name.isBlank())) {
                throw new BadInput("olab snapshot " + action + ": give the snapshot NAME, e.g. 'olab snapshot " + action
                        + " " + lab + " after-provision'");
            }
            VirtualBoxLab in = VirtualBoxLab.open(lab, "snapshot");
            RunOutput output = new RunOutput(spec.commandLine().getOut(), json);
            switch (action) {
                case save -> in.lifecycle().snapshotSave(name, output.listener());
                case restore -> in.lifecycle().snapshotRestore(name, output.listener());
                case list -> {
                    Map<String, List<String>> all = in.lifecycle().snapshots();
                    all.forEach((node, snaps) -> spec.commandLine().getOut().println(node + ": "
                            + (snaps.isEmpty() ? "(no snapshots)" : String.join(", ", snaps))));
                    spec.commandLine().getOut().flush();
                    return Olab.EXIT_OK;
                }
                default -> throw new IllegalStateException(action.toString());
            }
            return LifecycleOutput.done(spec, json, "snapshot " + action);
        });
    }
}
