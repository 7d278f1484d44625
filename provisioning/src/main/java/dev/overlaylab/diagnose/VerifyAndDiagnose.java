package dev.overlaylab.diagnose;

import dev.overlaylab.model.Lab;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.verify.NodeAccess;
import dev.overlaylab.verify.VerificationReport;
import dev.overlaylab.verify.Cells;
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
        return run(lab, access, progress, Cells.ALL);
    }

    /** {@code cells} is {@link Cells#ALL} or {@link Cells#FULL} (every pair of a big lab too). */
    public Outcome run(Lab lab, NodeAccess access, ProgressListener progress, Cells cells) {
        long t0 = System.nanoTime();
        VerificationReport report = verifier.run(lab, access, progress, cells);
        List<Finding> findings = report.allPassed() ? List.of()
                : diagnoser.diagnose(lab, report, observer.observe(lab, access));
        return new Outcome(report, findings, Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * What {@code olab diagnose} runs: the evidence is gathered on every node while the matrix runs (one exec
     * per node beside the matrix's own), then the rules judge both. A healthy matrix gets no findings: a rule
     * names the cause of failed checks, and a lab whose checks all pass has none to explain.
     */
    public Outcome diagnose(Lab lab, NodeAccess access, ProgressListener progress) {
        long t0 = System.nanoTime();
        java.util.concurrent.CompletableFuture<Observations> obs = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> observer.observe(lab, access));
        VerificationReport report = verifier.run(lab, access, progress);
        Observations observations = obs.join();
        List<Finding> findings = report.allPassed() ? List.of() : diagnoser.diagnose(lab, report, observations);
        return new Outcome(report, findings, Duration.ofNanos(System.nanoTime() - t0));
    }
}
