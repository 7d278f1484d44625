package dev.overlaylab.engine;

import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.VerifyAndDiagnose;
import dev.overlaylab.etcd.EtcdPort;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Plural;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.ssh.NodeShell;
import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.LeaseSource;
import dev.overlaylab.verify.NodeAccess;
import dev.overlaylab.verify.VerificationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The verify stage of {@code up}: the verification matrix on the run's connected nodes; when a
 * check fails, the diagnoser names the cause and the fix, and the stage fails with both.
 */
public final class MatrixVerifyStage implements VerifyStage {
    private final Consumer<VerificationReport> reports;

    /** @param reports receives every report (the GUI draws the matrix from it); may ignore it */
    public MatrixVerifyStage(Consumer<VerificationReport> reports) {
        this.reports = reports;
    }

    @Override
    public StepResult verify(Lab lab, Map<String, NodeShell> shells, Supplier<EtcdPort> etcd, ProgressListener progress) {
        NodeAccess access = new NodeAccess() {
            @Override
            public NodeShell shell(String nodeName) {
                NodeShell s = shells.get(nodeName);
                if (s == null) {
                    throw new IllegalStateException("no connection to " + nodeName);
                }
                return s;
            }

            @Override
            public LeaseSource leases() {
                return LeaseSource.of(etcd);
            }
        };
        VerifyAndDiagnose.Outcome outcome = new VerifyAndDiagnose().run(lab, access, progress);
        VerificationReport report = outcome.report();
        reports.accept(report);
        int total = report.results().size();
        if (report.allPassed()) {
            // a big lab's sample says so ("… of 380 node pairs …; olab verify --full checks all")
            return StepResult.unchanged(Plural.count(total, "check") + " passed"
                    + (report.pairs().startsWith("all") || report.pairs().isEmpty() ? "" : " on " + report.pairs()));
        }
        List<CheckResult> failed = report.failures();
        List<String> evidence = new ArrayList<>();
        for (CheckResult c : failed) {
            evidence.add(c.id() + " " + c.where() + ": " + c.summary());
        }
        List<String> fixes = new ArrayList<>();
        for (Finding f : outcome.findings()) {
            fixes.add(f.cause() + " → " + f.fix());
        }
        throw new StepFailure(failed.size() + " of " + total + " checks failed", "",
                String.join("\n", evidence),
                fixes.isEmpty() ? "see olab status and the failed checks above" : String.join("\n           ", fixes));
    }
}
