package dev.overlaylab.app.gui;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Like provisioning's test helper of the same name (not visible from this module): a missing
 * prerequisite skips the test with its reason, or fails it when {@code OLAB_REQUIRE_INTEGRATION=1}.
 */
final class Prereq {
    private Prereq() {
    }

    static void require(boolean condition, String reason) {
        if (condition) {
            return;
        }
        if ("1".equals(System.getenv("OLAB_REQUIRE_INTEGRATION"))) {
            Assertions.fail("prerequisite missing (OLAB_REQUIRE_INTEGRATION=1): " + reason);
        }
        Assumptions.abort("skipped: " + reason);
    }
}
