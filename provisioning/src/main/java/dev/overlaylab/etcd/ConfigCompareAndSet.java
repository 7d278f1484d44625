package dev.overlaylab.etcd;

import dev.overlaylab.etcd.EtcdGateway.ConfigWrite;
import java.util.Optional;

/**
 * The decision {@link EtcdGateway#writeConfig} makes over either API, written once: absent → create,
 * same JSON → unchanged, different → {@link ConfigConflictException} unless {@code force}, which
 * overwrites exactly the version that was read. A gateway supplies only how to read, create and
 * overwrite; a create or overwrite that lost to a concurrent writer answers false.
 *
 * @param <V> what the API reads back for the key (the value together with its version)
 */
final class ConfigCompareAndSet<V> {

    interface Store<V> {
        Optional<V> read();

        String value(V read);

        /** Creates the key only if it is still absent; false when someone created it meanwhile. */
        boolean createIfAbsent(String json);

        /** Overwrites only the version {@code seen}; false when it changed meanwhile. */
        boolean overwriteIfUnchanged(V seen, String json);
    }

    private final String where;
    private final String key;
    private final Store<V> store;

    ConfigCompareAndSet(String where, String key, Store<V> store) {
        this.where = where;
        this.key = key;
        this.store = store;
    }

    ConfigWrite write(String json, boolean force) {
        Optional<V> existing = store.read();
        if (existing.isEmpty()) {
            if (!store.createIfAbsent(json)) {
                throw raced();
            }
            return ConfigWrite.CREATED;
        }
        String old = store.value(existing.get());
        if (EtcdGateway.sameJson(old, json)) {
            return ConfigWrite.UNCHANGED;
        }
        if (!force) {
            throw new ConfigConflictException(where, key, old, json);
        }
        if (!store.overwriteIfUnchanged(existing.get(), json)) {
            throw raced();
        }
        return ConfigWrite.OVERWRITTEN;
    }

    private EtcdException raced() {
        return new EtcdException(where, key + " changed while it was being written (someone else writes it too)",
                "find the other writer (another olab run, a script), then run again", null);
    }
}
