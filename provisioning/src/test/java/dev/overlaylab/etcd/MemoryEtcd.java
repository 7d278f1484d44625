package dev.overlaylab.etcd;

import dev.overlaylab.model.EtcdSettings.EtcdApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An {@link EtcdPort} in memory for tests of the engine and of the shared decision: one versioned
 * config key, decided by the real {@link ConfigCompareAndSet}, and a list of leases. Set
 * {@link #interloper} to have "someone else" write the key between our read and our write, or
 * {@link #readFailure} to make every read fail like an unreachable etcd.
 */
public final class MemoryEtcd implements EtcdPort {
    record Versioned(String value, long version) {
    }

    private Versioned stored;
    /** Written by "another writer" right after our next read, when set. */
    public volatile String interloper;
    /** When set, every read throws this, like an etcd that does not answer. */
    public volatile RuntimeException readFailure;
    public final List<Lease> leases = new ArrayList<>();
    private final EtcdKeys keys = EtcdKeys.flannelDefault();

    /** The config as stored, or null. */
    public synchronized String value() {
        return stored == null ? null : stored.value();
    }

    /** Puts a config as if written by hand (no compare-and-set). */
    public synchronized void put(String value) {
        stored = new Versioned(value, stored == null ? 1 : stored.version() + 1);
    }

    @Override
    public EtcdApi api() {
        return EtcdApi.V3;
    }

    @Override
    public String endpoint() {
        return "memory";
    }

    @Override
    public EtcdKeys keys() {
        return keys;
    }

    private synchronized Optional<Versioned> read() {
        if (readFailure != null) {
            throw readFailure;
        }
        Optional<Versioned> seen = Optional.ofNullable(stored);
        if (interloper != null) {
            put(interloper);
            interloper = null;
        }
        return seen;
    }

    @Override
    public synchronized Optional<String> readConfig() {
        return read().map(Versioned::value);
    }

    @Override
    public synchronized ConfigWrite writeConfig(String json, boolean force) {
        return new ConfigCompareAndSet<>(endpoint(), keys.config(), new ConfigCompareAndSet.Store<Versioned>() {
            @Override
            public Optional<Versioned> read() {
                return MemoryEtcd.this.read();
            }

            @Override
            public String value(Versioned read) {
                return read.value();
            }

            @Override
            public boolean createIfAbsent(String value) {
                if (stored != null) {
                    return false;
                }
                put(value);
                return true;
            }

            @Override
            public boolean overwriteIfUnchanged(Versioned seen, String value) {
                if (stored.version() != seen.version()) {
                    return false;
                }
                put(value);
                return true;
            }
        }).write(json, force);
    }

    @Override
    public synchronized List<Lease> leases() {
        if (readFailure != null) {
            throw readFailure;
        }
        return List.copyOf(leases);
    }

    @Override
    public Health health() {
        return readFailure == null ? new Health(true, "", "memory") : new Health(false, "", readFailure.getMessage());
    }

    @Override
    public void close() {
    }
}
