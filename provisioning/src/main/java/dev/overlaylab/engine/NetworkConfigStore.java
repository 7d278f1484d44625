package dev.overlaylab.engine;

/**
 * Where flannel's network config lives ({@code <prefix>/config} in etcd). Writes are
 * compare-and-set: an identical value is left alone, a different value is never overwritten unless
 * forced. The engine needs only this much from etcd; the jetcd gateway and the etcdctl-over-SSH
 * store both implement it.
 */
public interface NetworkConfigStore extends AutoCloseable {

    enum Outcome {
        /** the key did not exist and now holds the value */
        CREATED,
        /** the key already held exactly this value */
        UNCHANGED,
        /** a different value was there and was replaced (only with force) */
        REPLACED,
        /** a different value was there and was kept (no force) */
        REFUSED
    }

    /**
     * @param outcome  what happened
     * @param existing the value found before the write, empty when there was none
     */
    record PutResult(Outcome outcome, String existing) {
    }

    PutResult putConfig(String json, boolean force);

    /** The value at {@code <prefix>/config}, or empty. */
    java.util.Optional<String> readConfig();

    @Override
    default void close() {
    }

    /** Opens the lab's store; {@code master} is the connected first node (for port forwards or etcdctl). */
    @FunctionalInterface
    interface Factory {
        NetworkConfigStore open(dev.overlaylab.model.Lab lab, dev.overlaylab.ssh.NodeShell master);
    }
}
