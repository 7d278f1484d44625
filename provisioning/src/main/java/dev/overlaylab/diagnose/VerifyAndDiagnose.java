package dev.overlaylab.diagnose;

import dev.overlaylab.model.Lab;
import dev.overlaylab.plan.ProgressListener;
import dev.overlaylab.plan.StepFailure;
import dev.overlaylab.plan.StepResult;
import dev.overlaylab.plan.VerifyStage;
import dev.overlaylab.ssh.NodeShell;
import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.NodeAccess;
import dev.overlaylab.verify.ShellMapAccess;
import dev.overlaylab.verify.VerificationReport;
import dev.overlaylab.verify.Verifier;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The matrix, then, only when something failed, the observations and the diagnosis (a healthy lab costs no
 * extra round trips). Used by {@code olab verify} and, as the engine's {@link VerifyStage}, by {@code up}.
 */
public final class VerifyAndDiagnose implements VerifyStage {
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

    @Override
    public StepResult verify(Lab lab, Map<String, NodeShell> shells, ProgressListener progress) {
        Outcome o = run(lab, new ShellMapAccess(lab, shells), progress);
        String time = String.format(Locale.ROOT, "%.1f s", o.report().elapsed().toMillis() / 1000.0);
        if (o.passed()) {
            return StepResult.unchanged("all " + o.report().results().size() + " checks passed in " + time);
        }
        String failed = o.report().failures().stream().map(VerifyAndDiagnose::line).collect(Collectors.joining("\n"));
        String diagnosis = o.findings().stream().map(f -> f.failureMode().isPresent() ? "#" + f.failureMode().getAsInt() + " " + f.cause() : f.cause())
                .collect(Collectors.joining("\n"));
        String fix = o.findings().stream().map(Finding::fix).collect(Collectors.joining("\n"));
        throw new StepFailure(o.report().failures().size() + " of " + o.report().results().size() + " checks failed"
                + (diagnosis.isEmpty() ? "" : ": " + diagnosis.lines().findFirst().orElse("")),
                "olab verify " + lab.name(), failed + (diagnosis.isEmpty() ? "" : "\ndiagnosis:\n" + diagnosis), fix);
    }

    private static String line(CheckResult r) {
        return r.where() + " " + r.id() + ": " + r.summary();
    }
}
