package dev.overlaylab.app.engine;

import dev.overlaylab.diagnose.Diagnoser;
import dev.overlaylab.diagnose.Observer;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.ssh.NodeShellFactory;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.ssh.NodeShell;
import dev.overlaylab.verify.EtcdctlLeaseSource;
import dev.overlaylab.verify.Evidence;
import dev.overlaylab.verify.LeaseSource;
import dev.overlaylab.verify.NodeAccess;
import dev.overlaylab.verify.VerificationReport;
import dev.overlaylab.verify.Verifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verification matrix and, when something failed, the diagnosis — over one SSH shell per node,
 * opened here and closed at the end whatever happened. Results are turned into the app's cells.
 */
final class MatrixRun {
    private final NodeShellFactory shells;

    MatrixRun(NodeShellFactory shells) {
        this.shells = shells;
    }

    VerifyOutcome run(Lab lab, List<Node> endpoints, ProgressListener progress) {
        Map<String, NodeShell> open = new LinkedHashMap<>();
        Lab reachable = new Lab(lab.name(), lab.provider(), lab.profile(), lab.network(), endpoints, lab.etcd(),
                lab.flannel(), lab.docker(), lab.verify(), lab.source());
        NodeAccess access = new NodeAccess() {
            @Override
            public synchronized NodeShell shell(String nodeName) {
                return open.computeIfAbsent(nodeName, n -> shells.open(reachable, reachable.node(n).orElseThrow()));
            }

            @Override
            public LeaseSource leases() {
                return new EtcdctlLeaseSource(reachable, shellOrUnreachable(reachable.master().name()));
            }
        };
        try {
            VerificationReport report = new Verifier().run(reachable, access, progress);
            List<dev.overlaylab.diagnose.Finding> findings = report.allPassed() ? List.of()
                    : new Diagnoser().diagnose(reachable, report, new Observer().observe(reachable, access));
            Map<String, String> leases = new LinkedHashMap<>();
            for (dev.overlaylab.verify.Lease l : report.leases()) {
                reachable.nodes().stream().filter(n -> n.ip().equals(l.publicIp())).findFirst()
                        .ifPresent(n -> leases.put(n.name(), l.subnet()));
            }
            return new VerifyOutcome(report.results().stream().map(MatrixRun::cell).toList(),
                    findings.stream().map(f -> new Finding(
                            f.failureMode().isPresent() ? "#" + f.failureMode().getAsInt() + " " + f.cause() : f.cause(),
                            String.join("\n", f.evidence()), f.fix())).toList(), leases);
        } finally {
            synchronized (access) {
                open.values().forEach(NodeShell::close);
            }
        }
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
