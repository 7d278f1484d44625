package dev.overlaylab.app.life;

import dev.overlaylab.app.ui.Worker;
import dev.overlaylab.progress.ProgressListener;
import java.util.function.Consumer;

/** One engine job that changes the lab (halt, resume, a snapshot), run off the event thread. */
@FunctionalInterface
interface Job {
    void run(ProgressListener progress) throws Exception;

    /** Runs {@code job} on a worker; then exactly one of {@code ok} / {@code failed} on the event thread. */
    static void start(Job job, Runnable ok, Consumer<Throwable> failed) {
        Worker.<Void>of(() -> {
            job.run(ProgressListener.NONE);
            return null;
        }, v -> ok.run(), failed).execute();
    }
}
