package dev.overlaylab.etcd;

import dev.overlaylab.etcd.EtcdPort.ConfigWrite;
import java.util.Optional;

/**
 * The decision {@link EtcdPort#writeConfig} makes, written once for every adapter and API: absent →
 * create, same JSON → unchanged, different → {@link ConfigConflictException} unless {@code force},
 * which overwrites exactly the version that was read. An adapter supplies only how to read, create
 * and overwrite; a create or overwrite that lost to a concurrent writer answers false. A read that
 * fails throws (from {@link Store#read}), so a failure is never taken for an absent key.
 *
 * @param <V> what the API reads back for the key (the value together with its version)
 */
final class ConfigCompareAndSet<V> {

    interface Store<V> {
        /** The key's value and version; empty only when etcd says it does not exist; throws when it cannot tell. */
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
            return ConfigWrite.created();
        }
        String old = store.value(existing.get());
        if (Json.same(old, json)) {
            return new ConfigWrite(ConfigWrite.Change.UNCHANGED, Optional.of(old));
        }
        if (!force) {
            throw new ConfigConflictException(where, key, old, json);
        }
        if (!store.overwriteIfUnchanged(existing.get(), json)) {
            throw raced();
        }
        return new ConfigWrite(ConfigWrite.Change.OVERWRITTEN, Optional.of(old));
    }

    private EtcdException raced() {
        return new EtcdException(where, key + " changed while it was being written (someone else writes it too)",
                "find the other writer (another olab run, a script), then run again", null);
    }
}
