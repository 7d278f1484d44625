package dev.overlaylab.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.etcd.EtcdPort.ConfigWrite;
import dev.overlaylab.etcd.EtcdPort.ConfigWrite.Change;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decision every adapter shares, over an in-memory key (the real APIs: EtcdGatewayTest, integration). */
class ConfigCompareAndSetTest {
    private static final String CONFIG = "{\"Network\":\"10.1.0.0/16\",\"Backend\":{\"Type\":\"vxlan\"}}";
    private static final String SAME_OTHER_SPACING = "{ \"Backend\": {\"Type\": \"vxlan\"}, \"Network\": \"10.1.0.0/16\" }";
    private static final String FOREIGN = "{\"Network\":\"172.17.0.0/16\"}";

    @Test
    void absentIsCreatedSameIsUnchangedDifferentIsRefusedUnlessForced() {
        MemoryEtcd etcd = new MemoryEtcd();
        assertThat(etcd.writeConfig(CONFIG, false)).isEqualTo(new ConfigWrite(Change.CREATED, Optional.empty()));
        assertThat(etcd.writeConfig(CONFIG, false)).isEqualTo(new ConfigWrite(Change.UNCHANGED, Optional.of(CONFIG)));
        assertThat(etcd.writeConfig(SAME_OTHER_SPACING, false).change()).isEqualTo(Change.UNCHANGED);
        assertThatThrownBy(() -> etcd.writeConfig(FOREIGN, false)).isInstanceOfSatisfying(ConfigConflictException.class, e -> {
            assertThat(e.existing()).isEqualTo(CONFIG);
            assertThat(e.wanted()).isEqualTo(FOREIGN);
            assertThat(e.key()).isEqualTo("/coreos.com/network/config");
        });
        assertThat(etcd.value()).isEqualTo(CONFIG);
        assertThat(etcd.writeConfig(FOREIGN, true)).isEqualTo(new ConfigWrite(Change.OVERWRITTEN, Optional.of(CONFIG)));
        assertThat(etcd.value()).isEqualTo(FOREIGN);
    }

    @Test
    void aConcurrentWriterMakesCreateAndForcedOverwriteFail() {
        MemoryEtcd empty = new MemoryEtcd();
        empty.interloper = FOREIGN;
        assertThatThrownBy(() -> empty.writeConfig(CONFIG, false)).isInstanceOf(EtcdException.class)
                .hasMessageContaining("changed while it was being written");
        assertThat(empty.value()).isEqualTo(FOREIGN);

        MemoryEtcd held = new MemoryEtcd();
        held.put(FOREIGN);
        held.interloper = "{\"Network\":\"10.9.0.0/16\"}";
        assertThatThrownBy(() -> held.writeConfig(CONFIG, true)).isInstanceOf(EtcdException.class)
                .hasMessageContaining("/coreos.com/network/config changed while it was being written");
        assertThat(held.value()).isEqualTo("{\"Network\":\"10.9.0.0/16\"}");
    }

    @Test
    void aReadThatFailsIsAnErrorAndNothingIsWrittenEvenWhenForced() {
        MemoryEtcd etcd = new MemoryEtcd();
        etcd.readFailure = new EtcdException("memory", "read /coreos.com/network/config failed", "check etcd", null);
        assertThatThrownBy(() -> etcd.writeConfig(CONFIG, true)).isSameAs(etcd.readFailure);
        etcd.readFailure = null;
        assertThat(etcd.value()).as("a failed read is never taken for an absent key").isNull();
    }
}
