package dev.overlaylab.progress;

import java.time.Duration;

/**
 * One thing that happened while provisioning or verifying. Both the CLI and the GUI are driven by
 * these and nothing else.
 *
 * @param stage    stage id, e.g. {@code flanneld}
 * @param node     node name, or empty for lab-wide steps
 * @param step     step name, e.g. {@code flanneld unit file}
 * @param status   what happened
 * @param duration how long the step took (zero when it started)
 * @param message  one line for people (for FAILED: what failed and the evidence)
 */
public record ProgressEvent(String stage, String node, String step, Status status, Duration duration, String message) {

    public enum Status {
        /** the step began */
        STARTED,
        /** a line of progress during a long step (percent or log) */
        PROGRESS,
        /** the node already matched; nothing was done */
        UNCHANGED,
        /** the step changed something */
        CHANGED,
        /** dry run: what would be done */
        PLANNED,
        FAILED,
        SKIPPED
    }

    public static ProgressEvent of(String stage, String node, String step, Status status, String message) {
        return new ProgressEvent(stage, node, step, status, Duration.ZERO, message);
    }
}
