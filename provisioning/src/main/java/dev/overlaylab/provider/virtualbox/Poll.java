package dev.overlaylab.provider.virtualbox;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition, bounded both in time and in number of checks. */
final class Poll {
    private Poll() {
    }

    /** True when {@code condition} held before {@code timeout}; checks at most timeout/every + 1 times. */
    static boolean until(BooleanSupplier condition, Duration timeout, Duration every, VBoxManage.Pause pause) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long maxChecks = Math.max(1, timeout.toMillis() / Math.max(1, every.toMillis())) + 1;
        for (long i = 0; i < maxChecks; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                pause.pause(every);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
