package dev.overlaylab.cli;

import dev.overlaylab.engine.Engine;
import dev.overlaylab.engine.LabChanges;
import dev.overlaylab.engine.Pipelines;
import dev.overlaylab.engine.RunOptions;
import dev.overlaylab.engine.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code olab apply LAB [--only etcd|flannel|docker]}: push what differs (what {@code olab diff}
 * shows), or one component's files, and restart only what reads a changed file.
 */
@Command(name = "apply", description = {
    "Push what differs on a running lab (what `olab diff` shows), or with --only one component; restart only what reads a changed file.",
    "The 'regenerate unit files' use. A changed network config in etcd is replaced only with --force; a changed base file runs the whole up."})
final class ApplyCommand extends LabCommand {
    @Option(names = "--only", paramLabel = "COMPONENT", description = "etcd, flannel or docker (default: every component that differs)")
    String only;

    @Option(names = "--dry-run", description = "print what would be done, touching nothing")
    boolean dryRun;

    @Option(names = "--force", description = "replace a different flannel network config already in etcd")
    boolean force;

    @Option(names = "--json", description = "one JSON object per event, then a summary object")
    boolean json;

    @Override
    int run() throws Exception {
        Pipelines.Component component = null;
        try {
            component = only == null ? null : Pipelines.Component.parse(only);
        } catch (IllegalArgumentException e) {
            throw new BadInput("--only: " + e.getMessage());
        }
        LabInput in = LabInput.open(lab);
        if (!dryRun) {
            in.requireUsableProvider();
        }
        RunOutput output = new RunOutput(out(), json);
        RunOptions options = RunOptions.defaults().withDryRun(dryRun).withForce(force);
        Engine engine = in.wiring().engine(report -> { });
        RunResult r;
        if (component != null) {
            r = engine.apply(in.lab(), in.rendered(), in.provider(), component, options, output.listener());
        } else {
            LabChanges.Changes changes = in.wiring().changes().of(in.lab(), in.provider().endpoints(in.lab()), in.rendered());
            if (!changes.any()) {
                out().println("nothing to push: the network config and every node's files match the lab");
                out().flush();
                return Olab.EXIT_OK;
            }
            r = engine.push(in.lab(), in.rendered(), in.provider(), changes, options, output.listener());
        }
        return output.finish(r, lab.toString(), dryRun);
    }
}
