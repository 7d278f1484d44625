package dev.overlaylab.cli;

import dev.overlaylab.diagnose.VerifyAndDiagnose;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabFileException;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Problem;
import dev.overlaylab.plan.ProgressListener;
import dev.overlaylab.plan.Wiring;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.verify.OpenedShells;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code olab verify LAB [--json]}: the verification matrix and, when something failed, the diagnosis. */
@Command(name = "verify", description = {
    "Check a lab that is up: per node services, subnet.env, lease, docker0, FORWARD, etcd; per node pair host-only ping, docker0 ping, pod to pod ping, HTTP between pods and a do-not-fragment ping at the overlay MTU.",
    "Failures show their evidence and the diagnosis names the cause and the fix.",
    "Exit 0 when every check passes, 1 when one fails, 2 for a bad lab file."})
final class VerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LAB", description = "the lab file (YAML)")
    Path lab;

    @Option(names = "--json", description = "one JSON object: checks with evidence, leases, findings")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return CliRun.guard(spec, () -> {
            Lab model = load(lab);
            Wiring wiring = Cli.wiring();
            Provider provider;
            try {
                provider = wiring.provider(model);
            } catch (IllegalArgumentException e) {
                throw new BadInput(lab + ": provider: " + e.getMessage());
            }
            List<Node> endpoints = provider.endpoints(model);
            VerifyAndDiagnose.Outcome outcome;
            try (OpenedShells access = new OpenedShells(model, endpoints, wiring.shells())) {
                outcome = new VerifyAndDiagnose().run(model, access, ProgressListener.NONE);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(VerifyPrinter.json(model, outcome));
                out.flush();
            } else {
                VerifyPrinter.text(out, model, outcome);
            }
            return outcome.passed() ? Olab.EXIT_OK : Olab.EXIT_FAILED;
        });
    }

    /** Loads and validates without rendering (verify reads the nodes, it writes nothing). */
    private static Lab load(Path file) {
        try {
            return LabLoader.load(file);
        } catch (LabFileException e) {
            StringBuilder sb = new StringBuilder();
            for (Problem p : e.problems()) {
                sb.append(p).append('\n');
            }
            sb.append(file).append(": ").append(e.problems().size()).append(e.problems().size() == 1 ? " problem" : " problems");
            throw new BadInput(sb.toString());
        }
    }
}
