package dev.overlaylab.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops a process a test started together with the processes it started. An sshd forks one
 * process per connection; killing only the listener left those sessions running, holding the
 * test's deleted network namespace, when a connection never closed (a node cut off mid-run).
 */
public final class ProcessTree {
    private ProcessTree() {
    }

    /** SIGTERM to the process and its descendants, a bounded wait, then SIGKILL for what is left. */
    public static void stop(Process process, Duration grace) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(0, process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : tree) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    h.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    // still alive: killed below
                }
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    }
}
