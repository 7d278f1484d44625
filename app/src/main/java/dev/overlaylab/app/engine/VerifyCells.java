package dev.overlaylab.app.engine;

import dev.overlaylab.diagnose.VerifyAndDiagnose;
import dev.overlaylab.model.Lab;
import dev.overlaylab.verify.Cells;
import dev.overlaylab.verify.Evidence;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Between the engine's verify (the same {@code compose.Wiring.verify} that {@code olab verify} runs)
 * and the app's matrix: the cell to re-run, and the results turned into the app's cells.
 */
final class VerifyCells {
    private VerifyCells() {
    }

    /** Everything, or the one cell the person asked to re-run. */
    static Cells selection(Optional<CheckResult> only) {
        return only.map(c -> Cells.one(c.check(), c.from(), c.to())).orElse(Cells.ALL);
    }

    static VerifyOutcome outcome(Lab lab, VerifyAndDiagnose.Outcome outcome) {
        Map<String, String> leases = new LinkedHashMap<>();
        for (dev.overlaylab.etcd.Lease l : outcome.report().leases()) {
            lab.nodes().stream().filter(n -> n.ip().equals(l.publicIp())).findFirst()
                    .ifPresent(n -> leases.put(n.name(), l.subnet()));
        }
        return new VerifyOutcome(outcome.report().results().stream().map(VerifyCells::cell).toList(),
                outcome.findings().stream().map(f -> new Finding(
                        "[" + f.id() + "] " + f.cause(),
                        String.join("\n", f.evidence()), f.fix())).toList(), leases);
    }

    static CheckResult cell(dev.overlaylab.verify.CheckResult r) {
        StringBuilder ev = new StringBuilder(r.summary());
        for (Evidence e : r.evidence()) {
            ev.append("\n\n");
            if (!e.command().isBlank()) {
                ev.append("$ ").append(e.command()).append('\n');
            }
            ev.append(e.output());
        }
        return new CheckResult(r.id(), r.node(), r.peer(), r.passed(), r.status() == dev.overlaylab.verify.CheckStatus.SKIP,
                ev.toString());
    }
}
