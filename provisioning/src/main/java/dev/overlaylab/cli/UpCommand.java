package dev.overlaylab.cli;

import dev.overlaylab.engine.Pipelines;
import dev.overlaylab.engine.RunOptions;
import dev.overlaylab.engine.RunResult;
import dev.overlaylab.engine.Stage;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code olab up LAB}: nodes, base, etcd, network config, flanneld, docker, verify — each step only if needed. */
@Command(name = "up", description = {
    "Bring the lab up: nodes, base, etcd, network config, flanneld, docker, verify.",
    "Every step checks the node first and changes only what differs: running it again on a healthy lab changes nothing, and after a failure it continues from where it stopped."})
final class UpCommand extends LabCommand {
    @Option(names = "--dry-run", description = "print the plan per stage and node, touching nothing")
    boolean dryRun;

    @Option(names = "--force", description = "replace a different flannel network config already in etcd")
    boolean force;

    @Option(names = "--json", description = "one JSON object per event, then a summary object")
    boolean json;

    @Option(names = "--from", paramLabel = "STAGE", description = "retry from this stage of a lab whose up failed there"
            + " (nodes, base, etcd, network-config, flanneld, docker, verify); the node stages always run")
    String from;

    @Option(names = "--until", paramLabel = "STAGE", description = "stop after this stage (e.g. --until nodes: boot the"
            + " machines and log in, configure nothing)")
    String until;

    @Option(names = "--parallel", defaultValue = "8", description = "nodes worked on at once within a stage (default: ${DEFAULT-VALUE})")
    int parallel;

    @Override
    int run() throws Exception {
        LabInput in = LabInput.open(lab);
        if (!dryRun) {
            in.requireUsableProvider();
        }
        RunOutput output = new RunOutput(out(), json);
        RunOptions options = new RunOptions(dryRun, force, Math.max(1, parallel));
        List<Stage> stages;
        try {
            stages = from == null ? Pipelines.up() : Pipelines.upFrom(from);
        } catch (IllegalArgumentException e) {
            throw new BadInput("--from: " + e.getMessage());
        }
        if (until != null) {
            try {
                List<String> kept = Pipelines.upUntil(until).stream().map(Stage::id).toList();
                stages = stages.stream().filter(s -> kept.contains(s.id())).toList();
            } catch (IllegalArgumentException e) {
                throw new BadInput("--until: " + e.getMessage());
            }
        }
        output.tally(stages, in.lab());
        RunResult r = in.wiring().engine(report -> { }).run(stages, in.lab(), in.rendered(), in.provider(), options, output.listener());
        return output.finish(r, lab.toString(), dryRun);
    }
}
