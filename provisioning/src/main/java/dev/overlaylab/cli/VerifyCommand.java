package dev.overlaylab.cli;

import dev.overlaylab.diagnose.VerifyAndDiagnose;
import dev.overlaylab.model.Lab;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.compose.Wiring;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.verify.Cells;
import dev.overlaylab.verify.PairSample;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code olab verify LAB [--json]}: the verification matrix and, when something failed, the diagnosis. */
@Command(name = "verify", description = {
    "Check a lab that is up: per node services, subnet.env, lease, docker0, FORWARD, etcd; per node pair host-only ping, docker0 ping, pod to pod ping, HTTP between pods and a do-not-fragment ping at the overlay MTU.",
    "Failures show their evidence and the diagnosis names the cause and the fix.",
    "Exit 0 when every check passes, 1 when one fails, 2 for a bad lab file."})
final class VerifyCommand extends LabCommand {
    @Option(names = "--json", description = "one JSON object: checks with evidence, leases, findings")
    boolean json;

    @Option(names = "--full", description = "check every node pair; above " + PairSample.ALL_PAIRS_UP_TO
            + " nodes verify otherwise checks each node against its ring neighbours, the first node and random peers")
    boolean full;

    @Override
    int run() throws Exception {
        // Loaded and validated, not rendered: verify reads the nodes, it writes nothing.
        Lab model = LabInput.load(lab);
        Wiring wiring = Cli.wiring();
        Provider provider = LabInput.provider(wiring, model, lab);
        VerifyAndDiagnose.Outcome outcome = wiring.verify(model, provider, full ? Cells.FULL : Cells.ALL, ProgressListener.NONE);
        PrintWriter out = out();
        if (json) {
            out.println(VerifyPrinter.json(model, outcome));
            out.flush();
        } else {
            VerifyPrinter.text(out, model, outcome);
        }
        return outcome.passed() ? Olab.EXIT_OK : Olab.EXIT_FAILED;
    }
}
