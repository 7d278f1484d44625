package dev.overlaylab.app.engine;

import dev.overlaylab.ssh.HostKeyListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Shows each node's SSH host key to the person the first time it is recorded (the rule: a new key is
 * shown once, a changed key stops the run). Called from worker threads; subscribers get one line.
 */
public final class HostKeyNotices implements HostKeyListener {
    private final List<Consumer<String>> subscribers = new CopyOnWriteArrayList<>();

    public void subscribe(Consumer<String> lines) {
        subscribers.add(lines);
    }

    public void unsubscribe(Consumer<String> lines) {
        subscribers.remove(lines);
    }

    @Override
    public void firstKeyRecorded(String node, String hostPort, String keyType, String sha256Fingerprint) {
        String line = node + ": new SSH host key recorded for " + hostPort + " (" + keyType + " " + sha256Fingerprint + ")";
        subscribers.forEach(s -> s.accept(line));
    }
}
