package dev.overlaylab.verify;

import dev.overlaylab.etcd.Lease;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every check of one {@code verify} run, per-node checks first (in node order), then pair checks.
 *
 * @param lab     the lab name
 * @param results the matrix cells
 * @param leases  the flannel leases read from etcd during the run (empty when etcd could not be read)
 * @param elapsed wall-clock time of the whole run
 * @param pairs   which node pairs were checked, for people: "all 30 node pairs", or the sample
 *                ({@link PairSample}); empty when the run was not the whole matrix
 */
public record VerificationReport(String lab, List<CheckResult> results, List<Lease> leases, Duration elapsed, String pairs) {

    public VerificationReport {
        results = List.copyOf(results);
        leases = List.copyOf(leases);
    }

    public VerificationReport(String lab, List<CheckResult> results, List<Lease> leases, Duration elapsed) {
        this(lab, results, leases, elapsed, "");
    }

    /** True when no check failed (skipped checks do not fail a lab). */
    public boolean allPassed() {
        return results.stream().noneMatch(CheckResult::failed);
    }

    public List<CheckResult> failures() {
        return results.stream().filter(CheckResult::failed).toList();
    }

    public List<CheckResult> nodeResults() {
        return results.stream().filter(r -> r.peer().isEmpty()).toList();
    }

    public List<CheckResult> pairResults() {
        return results.stream().filter(r -> r.peer().isPresent()).toList();
    }

    /** The per-node result with this id on this node. */
    public Optional<CheckResult> find(String id, String node) {
        return results.stream().filter(r -> r.id().equals(id) && r.node().equals(node) && r.peer().isEmpty()).findFirst();
    }

    /** The pair result with this id from {@code node} to {@code peer}. */
    public Optional<CheckResult> find(String id, String node, String peer) {
        return results.stream()
                .filter(r -> r.id().equals(id) && r.node().equals(node) && r.peer().equals(Optional.of(peer)))
                .findFirst();
    }

    /** All results with this id (any node, any pair). */
    public List<CheckResult> all(String id) {
        return results.stream().filter(r -> r.id().equals(id)).toList();
    }

    public boolean anyFailed(String id) {
        return all(id).stream().anyMatch(CheckResult::failed);
    }

    public boolean anyPassed(String id) {
        return all(id).stream().anyMatch(CheckResult::passed);
    }
}
