package dev.overlaylab.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The one wait-until-with-deadline of the project, in the manner of Testcontainers' wait
 * strategies: poll a condition every {@code interval} until it holds or {@code timeout} passed,
 * bounded in time <em>and</em> in attempts (⌈timeout / interval⌉ + 1), report "attempt n/N" after
 * each miss, and end with an error that names what was awaited and the last problem seen.
 *
 * <pre>
 * String banner = Wait.until("the SSH banner of 10.0.0.5:22").timeout(Duration.ofSeconds(60))
 *         .interval(Duration.ofMillis(500)).check(() -&gt; Optional.of(SshBanner.read(...)))
 *         .orElseThrow();
 * </pre>
 *
 * A probe that throws counts as "not yet" and its message becomes the last problem, unless its
 * type was given to {@link #abortOn(Class)}: waiting does not fix a changed host key.
 *
 * <p>Why not Failsafe ({@code dev.failsafe}, which was on the classpath only through jetcd, since dropped): its synchronous
 * retries sleep with {@code Thread.sleep} inside {@code RetryPolicyExecutor} and time themselves
 * with {@code System.nanoTime}, so a test cannot drive a wait with a fake clock and sleeper the way
 * the VirtualBox tests drive {@code VBoxManage.Pause}; and the project would depend on a library it
 * gets only transitively from the etcd client. What we need is this one small loop.
 */
public final class Wait {

    /** One try: a value when the condition holds, empty when not yet. May throw (counts as not yet). */
    @FunctionalInterface
    public interface Probe<T> {
        Optional<T> attempt() throws Exception;
    }

    /** Sees each miss: attempt n of at most N, the time left, the last problem. */
    @FunctionalInterface
    public interface Listener {
        void missed(int attempt, int maxAttempts, Duration left, String lastProblem);
    }

    /** The monotonic clock, in nanoseconds; replaced in tests. */
    @FunctionalInterface
    public interface Clock {
        long nanoTime();
    }

    /** How to pause between attempts; replaced in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final String what;
    private Duration timeout = Duration.ofSeconds(60);
    private Duration interval = Duration.ofMillis(500);
    private Listener listener = (n, max, left, problem) -> { };
    private BooleanSupplier keepGoing = () -> true;
    private String stopReason = "";
    private final List<Class<? extends RuntimeException>> fatal = new ArrayList<>();
    private Clock clock = System::nanoTime;
    private Sleeper sleeper = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

    private Wait(String what) {
        this.what = Objects.requireNonNull(what);
    }

    /** Starts describing a wait; {@code what} names the awaited thing, e.g. "SSH banner on 10.0.0.5:22" ("no " + what + " after ..."). */
    public static Wait until(String what) {
        return new Wait(what);
    }

    public Wait timeout(Duration t) {
        if (t.isNegative()) {
            throw new IllegalArgumentException("negative timeout " + t);
        }
        this.timeout = t;
        return this;
    }

    public Wait interval(Duration i) {
        if (i.isNegative() || i.isZero()) {
            throw new IllegalArgumentException("the interval must be positive, not " + i);
        }
        this.interval = i;
        return this;
    }

    public Wait onMiss(Listener l) {
        this.listener = Objects.requireNonNull(l);
        return this;
    }

    /** Ends the wait early (not ready) once {@code stillWorthIt} turns false, e.g. the process that should answer exited. */
    public Wait stopWhenNot(BooleanSupplier stillWorthIt, String reason) {
        this.keepGoing = Objects.requireNonNull(stillWorthIt);
        this.stopReason = reason;
        return this;
    }

    /** A probe throwing this type ends the wait at once and the exception reaches the caller. */
    public Wait abortOn(Class<? extends RuntimeException> type) {
        fatal.add(type);
        return this;
    }

    public Wait clock(Clock c, Sleeper s) {
        this.clock = Objects.requireNonNull(c);
        this.sleeper = Objects.requireNonNull(s);
        return this;
    }

    /** At most this many attempts: one now, one per interval, and a last one at the deadline. */
    public int maxAttempts() {
        long i = interval.toNanos();
        return (int) Math.min(Integer.MAX_VALUE - 1, (timeout.toNanos() + i - 1) / i) + 1;
    }

    /** Polls {@code probe} until it yields a value, the time or the attempts run out, or the wait is stopped. */
    public <T> Outcome<T> check(Probe<T> probe) {
        long start = clock.nanoTime();
        long deadline = start + timeout.toNanos();
        int max = maxAttempts();
        String problem = "not tried";
        for (int n = 1; n <= max; n++) {
            try {
                Optional<T> v = probe.attempt();
                if (v.isPresent()) {
                    return new Outcome<>(what, v, n, Duration.ofNanos(clock.nanoTime() - start), timeout, "");
                }
                problem = "not ready";
            } catch (RuntimeException e) {
                if (fatal.stream().anyMatch(f -> f.isInstance(e))) {
                    throw e;
                }
                problem = describe(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome<>(what, Optional.empty(), n, Duration.ofNanos(clock.nanoTime() - start), timeout, "interrupted");
            } catch (Exception e) {
                problem = describe(e);
            }
            long left = deadline - clock.nanoTime();
            listener.missed(n, max, Duration.ofNanos(Math.max(0, left)), problem);
            if (!keepGoing.getAsBoolean()) {
                return new Outcome<>(what, Optional.empty(), n, Duration.ofNanos(clock.nanoTime() - start), timeout,
                        stopReason.isEmpty() ? problem : stopReason);
            }
            if (n == max || left <= 0) {
                return new Outcome<>(what, Optional.empty(), n, Duration.ofNanos(clock.nanoTime() - start), timeout, problem);
            }
            try {
                sleeper.sleep(Duration.ofNanos(Math.min(interval.toNanos(), left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome<>(what, Optional.empty(), n, Duration.ofNanos(clock.nanoTime() - start), timeout, "interrupted");
            }
        }
        throw new AssertionError("unreachable: the loop returns on its last attempt");
    }

    /** {@link #check(Probe)} for a yes/no condition. */
    public Outcome<Boolean> holds(BooleanSupplier condition) {
        return check(() -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /**
     * How a wait ended.
     *
     * @param value       the probe's value, empty when the wait gave up
     * @param attempts    how many times the probe ran
     * @param took        time from the first attempt to the end
     * @param lastProblem why the last attempt missed ("" on success)
     */
    public record Outcome<T>(String what, Optional<T> value, int attempts, Duration took, Duration timeout, String lastProblem) {

        public boolean ready() {
            return value.isPresent();
        }

        /** "no X after 12 s of at most 30 s (25 attempts); last problem: ..." */
        public String failure() {
            return "no " + what + " after " + took.toSeconds() + " s of at most " + timeout.toSeconds() + " s (" + attempts
                    + (attempts == 1 ? " attempt" : " attempts") + "); last problem: " + lastProblem;
        }

        /** The value, or a {@link WaitTimeoutException} carrying {@link #failure()}. */
        public T orElseThrow() {
            return value.orElseThrow(() -> new WaitTimeoutException(failure()));
        }
    }

    /** A wait that ran out of time or attempts; the message names what was awaited and the last problem. */
    public static final class WaitTimeoutException extends RuntimeException {
        public WaitTimeoutException(String message) {
            super(message);
        }
    }
}
