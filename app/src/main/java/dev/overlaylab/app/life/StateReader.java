package dev.overlaylab.app.life;

import dev.overlaylab.app.diagnose.ForPeople;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.compose.LabStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/**
 * Reads labs' states off the event thread, bounded three ways: two threads at most, one reading
 * per lab at a time (a refresh while one is still running is skipped), and an answer after
 * {@link #LIMIT} at the latest ("no answer") even when a node hangs the SSH login.
 */
final class StateReader {
    static final Duration LIMIT = Duration.ofSeconds(60);

    /** A state, or why there is none, in a person's words. */
    record Reading(Optional<LabStatus> status, String problem) {
        static Reading of(LabStatus s) {
            return new Reading(Optional.of(s), "");
        }

        static Reading problem(String why) {
            return new Reading(Optional.empty(), why);
        }
    }

    @FunctionalInterface
    interface Task {
        LabStatus read() throws Exception;
    }

    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "lab-state");
        t.setDaemon(true);
        return t;
    });
    private final Set<Object> inFlight = ConcurrentHashMap.newKeySet();
    private final Duration limit;

    StateReader() {
        this(LIMIT);
    }

    StateReader(Duration limit) {
        this.limit = limit;
    }

    /** Starts reading {@code key}'s state; false (and nothing done) when one is still running. */
    boolean read(Object key, Task task, Consumer<Reading> onEdt) {
        if (!inFlight.add(key)) {
            return false;
        }
        CompletableFuture.supplyAsync(() -> {
            try {
                return Reading.of(task.read());
            } catch (Exception | Error e) {
                return Reading.problem(ForPeople.error(e));
            } finally {
                inFlight.remove(key);
            }
        }, POOL).orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, e) -> {
            Reading out = e instanceof TimeoutException
                    ? Reading.problem(Messages.format("life.state.noAnswer", limit.toSeconds()))
                    : r != null ? r : Reading.problem(ForPeople.error(e));
            SwingUtilities.invokeLater(() -> onEdt.accept(out));
        });
        return true;
    }

    boolean reading(Object key) {
        return inFlight.contains(key);
    }
}
