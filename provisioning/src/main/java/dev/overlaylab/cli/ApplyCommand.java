package dev.overlaylab.cli;

import dev.overlaylab.engine.Pipelines;
import dev.overlaylab.engine.RunOptions;
import dev.overlaylab.engine.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code olab apply LAB --only etcd|flannel|docker}: push one component's files and restart what reads them. */
@Command(name = "apply", description = {
    "Push one component's files to a running lab; restart only what reads a changed file.",
    "The 'regenerate unit files' use. flannel also re-checks the network config in etcd."})
final class ApplyCommand extends LabCommand {
    @Option(names = "--only", required = true, paramLabel = "COMPONENT", description = "etcd, flannel or docker")
    String only;

    @Option(names = "--dry-run", description = "print what would be done, touching nothing")
    boolean dryRun;

    @Option(names = "--force", description = "replace a different flannel network config already in etcd")
    boolean force;

    @Option(names = "--json", description = "one JSON object per event, then a summary object")
    boolean json;

    @Override
    int run() throws Exception {
        Pipelines.Component component;
        try {
            component = Pipelines.Component.parse(only);
        } catch (IllegalArgumentException e) {
            throw new BadInput("--only: " + e.getMessage());
        }
        LabInput in = LabInput.open(lab);
        if (!dryRun) {
            in.requireUsableProvider();
        }
        RunOutput output = new RunOutput(out(), json);
        RunResult r = in.wiring().engine(report -> { }).apply(in.lab(), in.rendered(), in.provider(), component,
                RunOptions.defaults().withDryRun(dryRun).withForce(force), output.listener());
        return output.finish(r, lab.toString(), dryRun);
    }
}
