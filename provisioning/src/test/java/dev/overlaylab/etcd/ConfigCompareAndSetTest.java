package dev.overlaylab.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.etcd.EtcdGateway.ConfigWrite;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decision both gateways share, over an in-memory store (the real APIs: EtcdGatewayTest, integration). */
class ConfigCompareAndSetTest {
    private static final String CONFIG = "{\"Network\":\"10.1.0.0/16\",\"Backend\":{\"Type\":\"vxlan\"}}";
    private static final String SAME_OTHER_SPACING = "{ \"Backend\": {\"Type\": \"vxlan\"}, \"Network\": \"10.1.0.0/16\" }";
    private static final String FOREIGN = "{\"Network\":\"172.17.0.0/16\"}";

    /** One key with a version; {@code interloper} writes between our read and our write when set. */
    static final class MemoryStore implements ConfigCompareAndSet.Store<MemoryStore.Versioned> {
        record Versioned(String value, long version) {
        }

        Versioned stored;
        String interloper;

        @Override
        public Optional<Versioned> read() {
            Optional<Versioned> seen = Optional.ofNullable(stored);
            if (interloper != null) {
                stored = new Versioned(interloper, stored == null ? 1 : stored.version() + 1);
            }
            return seen;
        }

        @Override
        public String value(Versioned read) {
            return read.value();
        }

        @Override
        public boolean createIfAbsent(String json) {
            if (stored != null) {
                return false;
            }
            stored = new Versioned(json, 1);
            return true;
        }

        @Override
        public boolean overwriteIfUnchanged(Versioned seen, String json) {
            if (stored.version() != seen.version()) {
                return false;
            }
            stored = new Versioned(json, seen.version() + 1);
            return true;
        }
    }

    private static ConfigWrite write(MemoryStore store, String json, boolean force) {
        return new ConfigCompareAndSet<>("etcd-test:2379", "/coreos.com/network/config", store).write(json, force);
    }

    @Test
    void absentIsCreatedSameIsUnchangedDifferentIsRefusedUnlessForced() {
        MemoryStore store = new MemoryStore();
        assertThat(write(store, CONFIG, false)).isEqualTo(ConfigWrite.CREATED);
        assertThat(write(store, CONFIG, false)).isEqualTo(ConfigWrite.UNCHANGED);
        assertThat(write(store, SAME_OTHER_SPACING, false)).isEqualTo(ConfigWrite.UNCHANGED);
        assertThatThrownBy(() -> write(store, FOREIGN, false)).isInstanceOfSatisfying(ConfigConflictException.class, e -> {
            assertThat(e.existing()).isEqualTo(CONFIG);
            assertThat(e.wanted()).isEqualTo(FOREIGN);
            assertThat(e.key()).isEqualTo("/coreos.com/network/config");
        });
        assertThat(store.stored.value()).isEqualTo(CONFIG);
        assertThat(write(store, FOREIGN, true)).isEqualTo(ConfigWrite.OVERWRITTEN);
        assertThat(store.stored.value()).isEqualTo(FOREIGN);
    }

    @Test
    void aConcurrentWriterMakesCreateAndForcedOverwriteFail() {
        MemoryStore empty = new MemoryStore();
        empty.interloper = FOREIGN;
        assertThatThrownBy(() -> write(empty, CONFIG, false)).isInstanceOf(EtcdException.class)
                .hasMessageContaining("changed while it was being written");
        assertThat(empty.stored.value()).isEqualTo(FOREIGN);

        MemoryStore held = new MemoryStore();
        held.stored = new MemoryStore.Versioned(FOREIGN, 7);
        held.interloper = "{\"Network\":\"10.9.0.0/16\"}";
        assertThatThrownBy(() -> write(held, CONFIG, true)).isInstanceOf(EtcdException.class)
                .hasMessageContaining("/coreos.com/network/config changed while it was being written");
        assertThat(held.stored.value()).isEqualTo("{\"Network\":\"10.9.0.0/16\"}");
    }
}
