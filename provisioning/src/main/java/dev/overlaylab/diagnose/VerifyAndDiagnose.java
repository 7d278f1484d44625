package dev.overlaylab.diagnose;

import dev.overlaylab.model.Lab;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.verify.NodeAccess;
import dev.overlaylab.verify.VerificationReport;
import dev.overlaylab.verify.Verifier;
import java.time.Duration;
import java.util.List;

/**
 * The matrix, then, only when something failed, the observations and the diagnosis (a healthy lab costs no
 * extra round trips). What {@code olab verify} runs.
 */
public final class VerifyAndDiagnose {
    private final Verifier verifier;
    private final Observer observer;
    private final Diagnoser diagnoser;

    public VerifyAndDiagnose() {
        this(new Verifier(), new Observer(), new Diagnoser());
    }

    public VerifyAndDiagnose(Verifier verifier, Observer observer, Diagnoser diagnoser) {
        this.verifier = verifier;
        this.observer = observer;
        this.diagnoser = diagnoser;
    }

    /** A matrix and what the diagnoser made of it. */
    public record Outcome(VerificationReport report, List<Finding> findings, Duration elapsed) {
        public boolean passed() {
            return report.allPassed();
        }
    }

    public Outcome run(Lab lab, NodeAccess access, ProgressListener progress) {
        long t0 = System.nanoTime();
        VerificationReport report = verifier.run(lab, access, progress);
        List<Finding> findings = report.allPassed() ? List.of()
                : diagnoser.diagnose(lab, report, observer.observe(lab, access));
        return new Outcome(report, findings, Duration.ofNanos(System.nanoTime() - t0));
    }
}
