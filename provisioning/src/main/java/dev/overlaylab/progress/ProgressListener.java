package dev.overlaylab.progress;

/** Receives progress events, possibly from several worker threads at once: implementations must be thread-safe. */
@FunctionalInterface
public interface ProgressListener {
    void on(ProgressEvent event);

    ProgressListener NONE = e -> { };
}
