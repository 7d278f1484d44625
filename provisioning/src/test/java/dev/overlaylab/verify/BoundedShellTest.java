package dev.overlaylab.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.testsupport.ExecOnlyShell;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedShellTest {

    /** Counts commands in flight; each waits until released so they pile up if nothing bounds them. */
    private static final class PilingShell extends ExecOnlyShell {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        PilingShell() {
            super("node1");
        }

        @Override
        public ExecResult exec(String command, Duration timeout) {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return new ExecResult(List.of("sh", "-c", command), 0, "", "");
        }
    }

    @Test
    void neverMoreCommandsInFlightOnANodeThanItsLimit() throws Exception {
        PilingShell node = new PilingShell();
        BoundedShell bounded = new BoundedShell(node, BoundedShell.PER_NODE);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<ExecResult>> all = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                all.add(pool.submit(() -> bounded.exec("true", Duration.ofSeconds(5))));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            for (int i = 0; i < 5000 && node.inFlight.get() < BoundedShell.PER_NODE && System.nanoTime() < deadline; i++) {
                Thread.sleep(1); // polled: bounded in count and time
            }
            node.release.countDown();
            for (Future<ExecResult> f : all) {
                assertThat(f.get(10, TimeUnit.SECONDS).ok()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(node.most.get()).isEqualTo(BoundedShell.PER_NODE);
    }
}
