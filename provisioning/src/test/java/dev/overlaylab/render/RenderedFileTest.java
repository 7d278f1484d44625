package dev.overlaylab.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderedFileTest {
    private static RenderedFile at(String path) {
        return new RenderedFile(path, "", 0644, "test", List.of());
    }

    @Test
    void theUnitAFileDefinesOrAddsTo() {
        assertThat(at("/etc/systemd/system/flanneld.service").systemdUnit()).contains("flanneld.service");
        assertThat(at("/lib/systemd/system/flanneld.service").systemdUnit()).contains("flanneld.service");
        assertThat(at("/etc/systemd/system/docker.service.d/10-flannel.conf").systemdUnit()).contains("docker.service");
        assertThat(at("/etc/systemd/system/multi-user.target.wants/x.service").systemdUnit()).isEmpty();
        assertThat(at("/etc/systemd/network/10-olab-host0.network").systemdUnit()).isEmpty();
        assertThat(at("/etc/default/etcd").systemdUnit()).isEmpty();
        assertThat(at("/etc/systemd/system/").systemdUnit()).isEmpty();
        assertThat(at("/etc/systemd/system/docker.service.d/10-flannel.conf").isSystemdUnit()).isTrue();
        assertThat(at("/etc/default/etcd").isSystemdUnit()).isFalse();
    }

    @Test
    void modesAsPermissionBits() {
        assertThat(PosixFilePermissions.toString(RenderedFile.permissions(0644))).isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(RenderedFile.permissions(0600))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(RenderedFile.permissions(0755))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(RenderedFile.permissions(0))).isEqualTo("---------");
        assertThat(PosixFilePermissions.toString(at("/x").permissions())).isEqualTo("rw-r--r--");
    }
}
