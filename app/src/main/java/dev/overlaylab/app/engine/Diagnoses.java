package dev.overlaylab.app.engine;

import dev.overlaylab.compose.DiagnoseAndFix;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.VerifyAndDiagnose;
import dev.overlaylab.model.Lab;
import java.util.ArrayList;
import java.util.List;

/** Between the engine's {@code DiagnoseAndFix} (what {@code olab diagnose} runs) and the app's records. */
final class Diagnoses {
    private Diagnoses() {
    }

    static Diagnosis of(Lab lab, VerifyAndDiagnose.Outcome outcome) {
        return new Diagnosis(VerifyCells.outcome(lab, outcome), outcome.findings().stream().map(Diagnoses::item).toList());
    }

    static Diagnosis.Item item(Finding f) {
        Diagnosis.Repair repair = switch (f.repair().kind()) {
            case ENGINE -> Diagnosis.Repair.FIX;
            case FORCE -> Diagnosis.Repair.FORCE;
            case NONE -> Diagnosis.Repair.PERSON;
        };
        List<String> commands = new ArrayList<>();
        f.repair().commands().forEach((node, cmds) -> cmds.forEach(c -> commands.add(node + ": " + c)));
        return new Diagnosis.Item(f.id(), f.cause(),
                f.excerpts().stream().map(e -> new Diagnosis.Excerpt(e.node(), e.command(), e.text())).toList(),
                f.fix(), repair, commands);
    }

    /** {@code changes}: the up run's CHANGED steps, as the CLI prints them. */
    static FixOutcome fixed(Lab lab, DiagnoseAndFix.FixReport r, List<String> changes) {
        List<String> changed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (DiagnoseAndFix.Applied a : r.applied()) {
            if (a.result().ok()) {
                changed.add(a.node() + ": " + a.command());
            } else {
                failed.add(a.node() + ": " + a.command() + " failed (exit " + a.result().exitCode() + "): "
                        + (a.result().stdout() + a.result().stderr()).strip());
            }
        }
        changed.addAll(changes);
        r.up().ifPresent(u -> u.failures().forEach(x -> failed.add(x.describe().lines().findFirst().orElse(""))));
        return new FixOutcome(changed, r.heldBack(), failed, of(lab, r.after()));
    }
}
