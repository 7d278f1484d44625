package dev.overlaylab.provider.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.model.FlannelSettings;
import dev.overlaylab.model.Lab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlanneldBinaryTest {
    @TempDir
    Path tmp;

    private Lab labWith(FlannelSettings.BinarySource src, Optional<Path> labFile) {
        Lab l = TestLabs.lab("bin", "192.168.60.0/24", 1);
        FlannelSettings f = l.flannel();
        Lab withBinary = l.withFlannel(new FlannelSettings(f.version(), f.network(), f.subnetLen(), f.subnetMin(), f.subnetMax(),
                f.backend(), f.iface(), f.ipMasq(), src));
        return new Lab(withBinary.name(), withBinary.provider(), withBinary.profile(), withBinary.network(), withBinary.nodes(),
                withBinary.etcd(), withBinary.flannel(), withBinary.docker(), withBinary.verify(), labFile);
    }

    @Test
    void relativeFileResolvesBesideTheLabFile() throws Exception {
        Files.createDirectories(tmp.resolve("labs/bin"));
        Files.writeString(tmp.resolve("labs/bin/flanneld"), "#!/bin/sh\n");
        Lab lab = labWith(new FlannelSettings.BinarySource(Optional.empty(), Optional.empty(), Optional.of("bin/flanneld")),
                Optional.of(tmp.resolve("labs/lab.yaml")));
        assertThat(FlanneldBinary.resolve(lab, tmp.resolve("cache"))).isEqualTo(tmp.resolve("labs/bin/flanneld"));
    }

    @Test
    void missingFileSaysHowToBuildIt() {
        Lab lab = labWith(new FlannelSettings.BinarySource(Optional.empty(), Optional.empty(), Optional.of(tmp + "/nope")),
                Optional.empty());
        assertThatThrownBy(() -> FlanneldBinary.resolve(lab, tmp)).hasMessageContaining("sudo ./olab setup local");
    }

    @Test
    void urlWithoutChecksumIsRefused() {
        Lab lab = labWith(new FlannelSettings.BinarySource(Optional.of("http://127.0.0.1:9/flanneld"), Optional.empty(),
                Optional.empty()), Optional.empty());
        assertThatThrownBy(() -> FlanneldBinary.resolve(lab, tmp)).hasMessageContaining("sha256");
    }

    @Test
    void cachedDownloadIsReusedWithoutNetwork() throws Exception {
        String sha = "ab".repeat(32);
        Files.createDirectories(tmp.resolve("flannel"));
        Files.writeString(tmp.resolve("flannel/sha256-" + sha), "binary");
        Lab lab = labWith(new FlannelSettings.BinarySource(Optional.of("http://127.0.0.1:9/flanneld"), Optional.of(sha),
                Optional.empty()), Optional.empty());
        assertThat(FlanneldBinary.resolve(lab, tmp)).isEqualTo(tmp.resolve("flannel/sha256-" + sha));
    }
}
