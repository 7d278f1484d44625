package dev.overlaylab.engine;

import dev.overlaylab.progress.ProgressEvent;

/**
 * What a step did.
 *
 * @param status  {@link ProgressEvent.Status#UNCHANGED}, {@link ProgressEvent.Status#CHANGED} or {@link ProgressEvent.Status#SKIPPED}
 * @param message one line for people, e.g. {@code wrote /etc/default/etcd}
 */
public record StepResult(ProgressEvent.Status status, String message) {

    public static StepResult unchanged(String message) {
        return new StepResult(ProgressEvent.Status.UNCHANGED, message);
    }

    public static StepResult changed(String message) {
        return new StepResult(ProgressEvent.Status.CHANGED, message);
    }

    public static StepResult skipped(String message) {
        return new StepResult(ProgressEvent.Status.SKIPPED, message);
    }
}
