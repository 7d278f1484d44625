package dev.overlaylab.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The wait loop driven by a fake clock: no test here sleeps. */
class WaitTest {
    private long now;
    private final List<Duration> slept = new ArrayList<>();
    private final List<String> misses = new ArrayList<>();

    private Wait wait(String what, Duration timeout, Duration interval) {
        return Wait.until(what).timeout(timeout).interval(interval)
                .clock(() -> now, d -> {
                    slept.add(d);
                    now += d.toNanos();
                })
                .onMiss((n, max, left, problem) -> misses.add("attempt " + n + "/" + max + ", " + left.toMillis() + " ms left: " + problem));
    }

    @Test
    void returnsTheFirstValueWithoutSleeping() {
        Wait.Outcome<String> w = wait("x", Duration.ofSeconds(5), Duration.ofSeconds(1)).check(() -> Optional.of("ready"));
        assertThat(w.value()).hasValue("ready");
        assertThat(w.attempts()).isEqualTo(1);
        assertThat(slept).isEmpty();
        assertThat(misses).isEmpty();
    }

    @Test
    void pollsEveryIntervalAndReportsAttemptNOfN() {
        AtomicInteger calls = new AtomicInteger();
        Wait.Outcome<Boolean> w = wait("x", Duration.ofSeconds(5), Duration.ofSeconds(1)).holds(() -> calls.incrementAndGet() == 3);
        assertThat(w.ready()).isTrue();
        assertThat(w.attempts()).isEqualTo(3);
        assertThat(w.took()).isEqualTo(Duration.ofSeconds(2));
        assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(misses).containsExactly("attempt 1/6, 5000 ms left: not ready", "attempt 2/6, 4000 ms left: not ready");
    }

    @Test
    void givesUpAtTheDeadlineWithAnErrorNamingWhatAndTheLastProblem() {
        AtomicInteger calls = new AtomicInteger();
        Wait.Outcome<String> w = wait("SSH banner on 10.0.0.5:22", Duration.ofSeconds(3), Duration.ofSeconds(1)).check(() -> {
            throw new java.io.IOException("refused #" + calls.incrementAndGet());
        });
        assertThat(w.ready()).isFalse();
        assertThat(w.attempts()).isEqualTo(4);
        assertThat(slept).hasSize(3);
        assertThat(w.failure()).isEqualTo("no SSH banner on 10.0.0.5:22 after 3 s of at most 3 s (4 attempts); last problem: refused #4");
        assertThatThrownBy(w::orElseThrow).isInstanceOf(Wait.WaitTimeoutException.class).hasMessage(w.failure());
    }

    @Test
    void theLastSleepIsCutToTheDeadline() {
        Wait.Outcome<Boolean> w = wait("x", Duration.ofMillis(2500), Duration.ofSeconds(1)).holds(() -> false);
        assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(500));
        assertThat(w.attempts()).isEqualTo(4).isEqualTo(wait("x", Duration.ofMillis(2500), Duration.ofSeconds(1)).maxAttempts());
    }

    @Test
    void isBoundedInAttemptsEvenWhenTheClockDoesNotMove() {
        // a sleeper that returns at once (as the VirtualBox tests' pause does) must not make the loop endless
        AtomicInteger calls = new AtomicInteger();
        Wait.Outcome<Boolean> w = Wait.until("x").timeout(Duration.ofSeconds(10)).interval(Duration.ofSeconds(1))
                .clock(() -> 0L, d -> { }).holds(() -> calls.incrementAndGet() < 0);
        assertThat(w.ready()).isFalse();
        assertThat(calls).hasValue(11);
    }

    @Test
    void aZeroTimeoutStillTriesOnce() {
        AtomicInteger calls = new AtomicInteger();
        Wait.Outcome<Boolean> w = wait("x", Duration.ZERO, Duration.ofSeconds(1)).holds(() -> calls.incrementAndGet() > 5);
        assertThat(calls).hasValue(1);
        assertThat(w.failure()).contains("(1 attempt)");
    }

    @Test
    void stopsEarlyWhenTheWaitIsNoLongerWorthIt() {
        AtomicInteger calls = new AtomicInteger();
        Wait.Outcome<Boolean> w = wait("SSH", Duration.ofSeconds(60), Duration.ofSeconds(1))
                .stopWhenNot(() -> calls.get() < 2, "the node's nspawn exited").holds(() -> calls.incrementAndGet() < 0);
        assertThat(w.attempts()).isEqualTo(2);
        assertThat(w.lastProblem()).isEqualTo("the node's nspawn exited");
    }

    @Test
    void aFatalExceptionEndsTheWaitAndReachesTheCaller() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> wait("x", Duration.ofSeconds(60), Duration.ofSeconds(1)).abortOn(IllegalStateException.class)
                .check(() -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("host key changed");
                })).hasMessage("host key changed");
        assertThat(calls).hasValue(1);
    }

    @Test
    void anInterruptEndsTheWaitAndKeepsTheFlag() {
        Wait.Outcome<Boolean> w = Wait.until("x").timeout(Duration.ofSeconds(60)).interval(Duration.ofSeconds(1))
                .clock(() -> now, d -> {
                    throw new InterruptedException();
                }).holds(() -> false);
        try {
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(w.lastProblem()).isEqualTo("interrupted");
            assertThat(w.attempts()).isEqualTo(1);
        } finally {
            Thread.interrupted();
        }
    }
}
