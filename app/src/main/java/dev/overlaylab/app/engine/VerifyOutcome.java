package dev.overlaylab.app.engine;

import java.util.List;

/** The whole verification matrix plus the diagnoser's findings. */
public record VerifyOutcome(List<CheckResult> checks, List<Finding> findings) {
    public VerifyOutcome {
        checks = List.copyOf(checks);
        findings = List.copyOf(findings);
    }
}
