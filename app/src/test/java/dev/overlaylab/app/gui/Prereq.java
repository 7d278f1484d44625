package dev.overlaylab.app.gui;

import java.awt.GraphicsEnvironment;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Like provisioning's test helper of the same name (not visible from this module): a missing
 * prerequisite skips the test with its reason, or fails it when {@code OLAB_REQUIRE_INTEGRATION=1}.
 */
final class Prereq {
    private Prereq() {
    }

    /** An X display to draw on: the GUI tests run under Xvfb (in CI too), and are skipped without one. */
    static void display() {
        String display = System.getenv("DISPLAY");
        require(display != null && !display.isBlank() && !GraphicsEnvironment.isHeadless(),
                "needs an X display: run under Xvfb, e.g. `xvfb-run -a mvn -pl app -am test`");
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
