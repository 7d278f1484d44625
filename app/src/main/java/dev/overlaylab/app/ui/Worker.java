package dev.overlaylab.app.ui;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import javax.swing.SwingWorker;

/**
 * A SwingWorker for one piece of engine work: {@link #work()} runs off the event thread, then
 * exactly one of {@code onSuccess}/{@code onError}/{@code onCancelled} runs on it. Errors are never
 * swallowed: {@code done()} unwraps and reports them.
 */
public abstract class Worker<T> extends SwingWorker<T, Void> {
    private final Consumer<T> onSuccess;
    private final Consumer<Throwable> onError;

    protected Worker(Consumer<T> onSuccess, Consumer<Throwable> onError) {
        this.onSuccess = onSuccess;
        this.onError = onError;
    }

    protected abstract T work() throws Exception;

    /** Runs on the event thread when the worker was cancelled (interrupted). */
    protected void onCancelled() {
    }

    @Override
    protected final T doInBackground() throws Exception {
        return work();
    }

    @Override
    protected final void done() {
        if (isCancelled()) {
            onCancelled();
            return;
        }
        try {
            onSuccess.accept(get());
        } catch (CancellationException e) {
            onCancelled();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof InterruptedException) {
                onCancelled();
            } else {
                onError.accept(cause);
            }
        }
    }

    /** A worker from a lambda. */
    public static <T> Worker<T> of(Task<T> task, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        return new Worker<>(onSuccess, onError) {
            @Override
            protected T work() throws Exception {
                return task.run();
            }
        };
    }

    @FunctionalInterface
    public interface Task<T> {
        T run() throws Exception;
    }
}
