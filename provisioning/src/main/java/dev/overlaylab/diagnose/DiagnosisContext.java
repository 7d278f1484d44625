package dev.overlaylab.diagnose;

import dev.overlaylab.etcd.Lease;
import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.net.SubnetEnv;
import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.VerificationReport;
import java.util.List;
import java.util.Optional;

/** What every rule reads: the lab, the matrix and the observations, with the lookups rules share. */
public record DiagnosisContext(Lab lab, VerificationReport report, Observations obs) {

    public Cidr flannelNetwork() {
        return Cidr.parse(lab.flannel().network());
    }

    public Optional<SubnetEnv> subnetEnv(Node n) {
        return obs.node(n.name()).flatMap(NodeObservation::parsedSubnetEnv);
    }

    public Optional<Cidr> docker0(Node n) {
        return obs.node(n.name()).flatMap(NodeObservation::docker0);
    }

    public List<Lease> leases() {
        return obs.leases().leases();
    }

    public boolean leasesReadable() {
        return obs.leases().error().isEmpty();
    }

    /** True when the matrix saw the unit active on the node (a unit not checked counts as not active). */
    public boolean active(Node n, String unit) {
        return report.find(unit + "-active", n.name()).map(CheckResult::passed).orElse(false);
    }

    public boolean passed(String id, Node n) {
        return report.find(id, n.name()).map(CheckResult::passed).orElse(false);
    }

    public boolean failed(String id, Node n) {
        return report.find(id, n.name()).map(CheckResult::failed).orElse(false);
    }

    public boolean pairPassed(String id, Node a, Node b) {
        return report.find(id, a.name(), b.name()).map(CheckResult::passed).orElse(false);
    }

    public boolean pairFailed(String id, Node a, Node b) {
        return report.find(id, a.name(), b.name()).map(CheckResult::failed).orElse(false);
    }

    /** Every ordered pair of distinct nodes. */
    public List<Node[]> pairs() {
        List<Node[]> out = new java.util.ArrayList<>();
        for (Node a : lab.nodes()) {
            for (Node b : lab.nodes()) {
                if (a != b) {
                    out.add(new Node[] {a, b});
                }
            }
        }
        return out;
    }

    /** "node1 → node2: <summary>" for a failed or passed pair check, for evidence lines. */
    public Optional<String> pairLine(String id, Node a, Node b) {
        return report.find(id, a.name(), b.name()).map(r -> r.where() + " " + r.id() + " " + r.status() + ": " + r.summary());
    }

    public Optional<String> nodeLine(String id, Node n) {
        return report.find(id, n.name()).map(r -> n.name() + " " + r.id() + " " + r.status() + ": " + r.summary());
    }
}
