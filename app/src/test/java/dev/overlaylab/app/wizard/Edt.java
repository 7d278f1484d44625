package dev.overlaylab.app.wizard;

import java.awt.Component;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.swing.SwingUtilities;

/** Headless panel tests' helpers: run on the event thread, find a child, wait (bounded) for a condition. */
final class Edt {
    private Edt() {
    }

    static <T extends Component> T find(java.awt.Container c, Class<T> type) {
        for (Component x : c.getComponents()) {
            if (type.isInstance(x)) {
                return type.cast(x);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + c.getName());
    }

    static <T> T onEdt(Supplier<T> s) {
        AtomicReference<T> out = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> out.set(s.get()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.get();
    }

    /** Bounded: 10 s, then the test fails. */
    static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
