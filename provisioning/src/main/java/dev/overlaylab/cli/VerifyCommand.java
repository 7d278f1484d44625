package dev.overlaylab.cli;

import dev.overlaylab.diagnose.VerifyAndDiagnose;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.plan.ProgressListener;
import dev.overlaylab.plan.Wiring;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.verify.OpenedShells;
import java.io.PrintWriter;
import java.util.List;
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

    @Override
    int run() throws Exception {
        // Loaded and validated, not rendered: verify reads the nodes, it writes nothing.
        Lab model = LabInput.load(lab);
        Wiring wiring = Cli.wiring();
        Provider provider = LabInput.provider(wiring, model, lab);
        List<Node> endpoints = provider.endpoints(model);
        VerifyAndDiagnose.Outcome outcome;
        try (OpenedShells access = new OpenedShells(model, endpoints, wiring.shells(), wiring.etcdPorts())) {
            outcome = new VerifyAndDiagnose().run(model, access, ProgressListener.NONE);
        }
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
