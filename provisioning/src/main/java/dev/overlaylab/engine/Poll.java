package dev.overlaylab.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for a condition on a node, bounded both in attempts and in time. */
public final class Poll {
    private Poll() {
    }

    /**
     * Calls {@code probe} until it returns a value, at most {@code attempts} times and for at most
     * {@code limit}, pausing {@code interval} between attempts.
     */
    public static <T> Optional<T> until(Supplier<Optional<T>> probe, int attempts, Duration limit, Duration interval) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (int i = 0; i < attempts; i++) {
            Optional<T> v = probe.get();
            if (v.isPresent()) {
                return v;
            }
            if (System.nanoTime() + interval.toNanos() > deadline) {
                break;
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }
}
