package dev.overlaylab.app.engine;

import java.util.List;

/**
 * The whole verification matrix plus the diagnoser's findings, and the flannel leases seen in etcd
 * (node name → leased subnet, e.g. {@code 10.1.35.0/24}) so the topology can show the live lab.
 */
public record VerifyOutcome(List<CheckResult> checks, List<Finding> findings, java.util.Map<String, String> leases) {
    public VerifyOutcome {
        checks = List.copyOf(checks);
        findings = List.copyOf(findings);
        leases = java.util.Map.copyOf(leases);
    }

    public VerifyOutcome(List<CheckResult> checks, List<Finding> findings) {
        this(checks, findings, java.util.Map.of());
    }
}
