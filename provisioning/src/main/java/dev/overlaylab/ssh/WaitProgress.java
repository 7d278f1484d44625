package dev.overlaylab.ssh;

import java.time.Duration;

/** Told after every unsuccessful attempt while waiting for a node's SSH, with the time left. */
@FunctionalInterface
public interface WaitProgress {

    void waiting(String node, String hostPort, Duration remaining, String lastProblem);

    WaitProgress NONE = (node, hostPort, remaining, lastProblem) -> { };
}
