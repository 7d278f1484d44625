package dev.overlaylab.app.engine;

import dev.overlaylab.diagnose.Diagnoser;
import dev.overlaylab.diagnose.Observer;
import dev.overlaylab.etcd.EtcdPort;
import dev.overlaylab.etcd.Lease;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.plan.NodeShellFactory;
import dev.overlaylab.plan.ProgressListener;
import dev.overlaylab.verify.Evidence;
import dev.overlaylab.verify.OpenedShells;
import dev.overlaylab.verify.VerificationReport;
import dev.overlaylab.verify.Verifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verification matrix and, when something failed, the diagnosis — over one SSH shell per node and
 * the lab's etcd port, opened here and closed at the end whatever happened. Results are turned into the app's cells.
 */
final class MatrixRun {
    private final NodeShellFactory shells;
    private final EtcdPort.Factory etcdPorts;

    MatrixRun(NodeShellFactory shells, EtcdPort.Factory etcdPorts) {
        this.shells = shells;
        this.etcdPorts = etcdPorts;
    }

    VerifyOutcome run(Lab lab, List<Node> endpoints, ProgressListener progress) {
        Lab reachable = new Lab(lab.name(), lab.provider(), lab.profile(), lab.network(), endpoints, lab.etcd(),
                lab.flannel(), lab.docker(), lab.verify(), lab.source());
        try (OpenedShells access = new OpenedShells(reachable, endpoints, shells, etcdPorts)) {
            VerificationReport report = new Verifier().run(reachable, access, progress);
            List<dev.overlaylab.diagnose.Finding> findings = report.allPassed() ? List.of()
                    : new Diagnoser().diagnose(reachable, report, new Observer().observe(reachable, access));
            Map<String, String> leases = new LinkedHashMap<>();
            for (Lease l : report.leases()) {
                reachable.nodes().stream().filter(n -> n.ip().equals(l.publicIp())).findFirst()
                        .ifPresent(n -> leases.put(n.name(), l.subnet()));
            }
            return new VerifyOutcome(report.results().stream().map(MatrixRun::cell).toList(),
                    findings.stream().map(f -> new Finding(
                            f.failureMode().isPresent() ? "#" + f.failureMode().getAsInt() + " " + f.cause() : f.cause(),
                            String.join("\n", f.evidence()), f.fix())).toList(), leases);
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
