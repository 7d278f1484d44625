package dev.overlaylab.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.node.FileDigests;
import dev.overlaylab.node.NodeLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlanneldLayerTest {
    @TempDir
    Path tmp;

    @Test
    void aLayerHoldsTheBinaryWhereTheUnitRunsItAndTheDigestLineTheBinaryStepReads() throws IOException {
        FileDigests digests = new FileDigests(tmp.resolve("digests"));
        Path binary = Files.writeString(tmp.resolve("flanneld-test"), "not really flanneld\n");
        Path cache = tmp.resolve("cache");

        Path layer = FlanneldLayer.ensure(binary, cache, digests);

        String sha = digests.sha256(binary);
        assertThat(layer).isEqualTo(cache.resolve("flannel/layers/sha256-" + sha));
        Path flanneld = layer.resolve("usr/local/bin/flanneld");
        assertThat(flanneld).hasContent("not really flanneld");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(flanneld))).isEqualTo("rwxr-xr-x");
        assertThat(Files.isSameFile(flanneld, binary)).isFalse();
        assertThat(layer.resolve(NodeLayout.FLANNELD_DIGEST.substring(1))).hasContent(NodeLayout.flanneldDigestLine(sha,
                Files.size(flanneld), Files.getLastModifiedTime(flanneld).to(TimeUnit.SECONDS), "/usr/local/bin/flanneld"));
        try (Stream<Path> left = Files.list(cache.resolve("flannel/layers"))) {
            assertThat(left).containsExactly(layer);   // no .making- folder left behind
        }
    }

    @Test
    void anExistingLayerIsNeverWrittenAgainAndAnotherBinaryGetsItsOwn() throws IOException {
        FileDigests digests = new FileDigests(tmp.resolve("digests"));
        Path cache = tmp.resolve("cache");
        Path first = FlanneldLayer.ensure(Files.writeString(tmp.resolve("a"), "v1\n"), cache, digests);
        Path flanneld = first.resolve("usr/local/bin/flanneld");
        var written = Files.getLastModifiedTime(flanneld);

        assertThat(FlanneldLayer.ensure(tmp.resolve("a"), cache, digests)).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(flanneld)).isEqualTo(written);

        Path second = FlanneldLayer.ensure(Files.writeString(tmp.resolve("b"), "v2\n"), cache, digests);
        assertThat(second).isNotEqualTo(first);
        assertThat(second.resolve("usr/local/bin/flanneld")).hasContent("v2");
        assertThat(flanneld).hasContent("v1");
    }
}
