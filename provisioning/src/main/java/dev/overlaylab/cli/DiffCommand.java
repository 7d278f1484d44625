package dev.overlaylab.cli;

import dev.overlaylab.model.Plural;
import dev.overlaylab.engine.LabChanges;
import dev.overlaylab.engine.LabInspector.FileDiff;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code olab diff LAB}: the flannel network config in etcd and each node's live files against what
 * the lab renders, as unified diffs. A config etcd cannot return is an error (exit 1), not a change.
 */
@Command(name = "diff", description = {
    "The network config in etcd and each node's live files against what the lab renders now, as unified diffs.",
    "`olab apply LAB` then pushes what differs (`--only COMPONENT` for one)."})
final class DiffCommand extends LabCommand {
    @Option(names = "--exit-code", description = "exit 1 when any file differs (as git diff --exit-code)")
    boolean exitCode;

    @Override
    int run() throws Exception {
        LabInput in = LabInput.open(lab);
        LabChanges.Changes changes = in.wiring().changes().of(in.lab(), in.provider().endpoints(in.lab()), in.rendered());
        List<FileDiff> diffs = changes.files();
        PrintWriter out = out();
        changes.config().ifPresent(c -> out.print(c.diff()));
        long differ = changes.differing().size();
        String config = changes.config().isPresent() ? "the network config in etcd differs; " : "";
        out.println(!changes.any() ? "no differences: the network config and every node's " + Plural.count(diffs.size(), "file")
                + " match the lab"
                : config + differ + " of " + Plural.count(diffs.size(), "file") + (differ == 1 ? " differs" : " differ"));
        out.flush();
        return exitCode && changes.any() ? Olab.EXIT_FAILED : Olab.EXIT_OK;
    }
}
