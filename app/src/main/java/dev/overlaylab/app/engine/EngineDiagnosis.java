package dev.overlaylab.app.engine;

import dev.overlaylab.compose.DiagnoseAndFix;
import dev.overlaylab.compose.Wiring;
import dev.overlaylab.compose.Practice;
import dev.overlaylab.diagnose.PracticeFault;
import dev.overlaylab.diagnose.VerifyAndDiagnose;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.Lab;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.render.RenderedLab;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Diagnose, Fix and Practice for {@link EngineLabService}: the same engine actions as {@code olab diagnose
 * [--fix [--force]]} ({@link DiagnoseAndFix}) and {@code olab break LAB random} ({@link PracticeFault}),
 * wired as the command line wires them. No rules of its own.
 */
final class EngineDiagnosis {
    private final Wiring wiring;

    EngineDiagnosis(Wiring wiring) {
        this.wiring = wiring;
    }

    private DiagnoseAndFix diagnoser() {
        return new DiagnoseAndFix(wiring.shells(), wiring.etcdPorts(), wiring.engine(report -> { }));
    }

    Diagnosis diagnose(Lab lab, Provider provider, ProgressListener progress) {
        return Diagnoses.of(lab, diagnoser().diagnose(lab, provider, progress));
    }

    /** As {@code DiagnoseCommand}: diagnose, and only when something was found, fix and diagnose again. */
    FixOutcome fix(Lab lab, RenderedLab rendered, Provider provider, boolean force, ProgressListener progress) {
        DiagnoseAndFix d = diagnoser();
        VerifyAndDiagnose.Outcome before = d.diagnose(lab, provider, ProgressListener.NONE);
        if (before.findings().isEmpty()) {
            return new FixOutcome(List.of(), List.of(), List.of(), Diagnoses.of(lab, before));
        }
        List<String> changes = new CopyOnWriteArrayList<>();
        ProgressListener listener = e -> {
            if (e.status() == ProgressEvent.Status.CHANGED) {
                changes.add(e.stage() + (e.node().isEmpty() ? "" : " " + e.node()) + " " + e.step() + ": " + e.message());
            }
            progress.on(e);
        };
        DiagnoseAndFix.FixReport r = d.fix(lab, rendered, provider, before.findings(), force, listener);
        return Diagnoses.fixed(lab, r, changes);
    }

    /** {@code olab break} refuses every lab that is not local: say why in words a person understands. */
    static Optional<String> practiceUnavailable(Lab lab) {
        String where = switch (lab.provider()) {
            case "local" -> null;
            case "hosts" -> "your own machines";
            case "virtualbox", "virtualbox-ws" -> "VirtualBox machines";
            default -> "machines of the " + lab.provider() + " provider";
        };
        return where == null ? Optional.empty() : Optional.of("Practice breaks a lab on purpose, so it is offered only for labs"
                + " that run on this computer (local labs). This lab runs on " + where + ".");
    }

    /** As {@code olab break LAB random}: one fault this lab can have, on its default node, recorded on the node. */
    PracticeBreak practice(Lab lab, Provider provider) {
        if (practiceUnavailable(lab).isPresent()) {
            throw new IllegalStateException(practiceUnavailable(lab).get());
        }
        PracticeFault f = Practice.random(lab);
        Practice.Broken broken = wiring.practice().breakOne(lab, provider, f, Optional.empty());
        String target = broken.node();
        ExecResult r = broken.result();
        if (!r.ok()) {
            throw new IllegalStateException("breaking something on " + target + " did not work (exit " + r.exitCode() + "): "
                    + (r.stdout() + r.stderr()).strip());
        }
        return new PracticeBreak(f.id(), target, f.needsForce());
    }
}
