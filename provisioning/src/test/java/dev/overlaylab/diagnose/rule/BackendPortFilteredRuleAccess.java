package dev.overlaylab.diagnose.rule;

import java.util.Optional;

/** Test access to the package-private INPUT chain reader of {@link BackendPortFilteredRule}. */
public final class BackendPortFilteredRuleAccess {
    private BackendPortFilteredRuleAccess() {
    }

    public static Optional<String> blocking(String iptablesS, int port) {
        return BackendPortFilteredRule.blockingRule(iptablesS, port);
    }
}
