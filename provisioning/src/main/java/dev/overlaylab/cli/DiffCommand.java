package dev.overlaylab.cli;

import dev.overlaylab.model.Plural;
import dev.overlaylab.engine.LabInspector;
import dev.overlaylab.engine.LabInspector.FileDiff;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code olab diff LAB}: each node's live files against what the lab renders, as unified diffs. */
@Command(name = "diff", description = {
    "Each node's live files against what the lab renders now, as unified diffs.",
    "`olab apply LAB --only COMPONENT` then pushes them."})
final class DiffCommand extends LabCommand {
    @Option(names = "--exit-code", description = "exit 1 when any file differs (as git diff --exit-code)")
    boolean exitCode;

    @Override
    int run() throws Exception {
        LabInput in = LabInput.open(lab);
        List<FileDiff> diffs = new LabInspector(in.wiring().shells()).diff(in.lab(), in.provider().endpoints(in.lab()), in.rendered());
        PrintWriter out = out();
        long differ = diffs.stream().filter(FileDiff::differs).count();
        diffs.stream().filter(FileDiff::differs).forEach(d -> out.print(d.diff()));
        out.println(differ == 0 ? "no differences: every node's " + Plural.count(diffs.size(), "file") + " match the lab"
                : differ + " of " + Plural.count(diffs.size(), "file") + (differ == 1 ? " differs" : " differ"));
        out.flush();
        return exitCode && differ > 0 ? Olab.EXIT_FAILED : Olab.EXIT_OK;
    }
}
