package dev.overlaylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.provider.local.RootfsSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in nspawn profile and the local provider's root filesystem name the same packages
 * (see RootfsSpec.DEFAULT for why both lists exist), and the cache key of that list stays put.
 */
class NspawnProfileMatchesRootfsTest {

    @Test
    void builtInNspawnProfileListsExactlyTheRootfsPackages() throws IOException {
        String resource = "vm-profiles/debian-12-nspawn.yaml";
        Profile profile;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            profile = Profiles.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        }
        List<String> rootfs = new ArrayList<>(RootfsSpec.DEFAULT.include());
        rootfs.addAll(RootfsSpec.DEFAULT.extra());
        assertThat(profile.packages()).containsExactlyElementsOf(rootfs);
        assertThat(profile.box()).isEqualTo(RootfsSpec.DEFAULT.suite());
    }

    @Test
    void defaultRootfsKeepsItsCacheKey() {
        // The folder of the root filesystem already cached on machines; a new key means a fresh debootstrap.
        assertThat(RootfsSpec.DEFAULT.key()).isEqualTo("d57272724da4");   // + containernetworking-plugins (Kubernetes pods on docker0)
    }
}
