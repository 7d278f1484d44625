package dev.overlaylab.provider.local;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where this machine keeps the Kubernetes binaries {@code setup/kubernetes/build.sh} builds:
 * {@code /var/cache/overlay-lab/kubernetes/<version>/} (or under {@code OLAB_KUBERNETES_CACHE}, as the
 * script reads it) with their {@code SHA256SUMS}, written last. Local nodes see that folder read-only at
 * {@value #IN_NODE} (a bind mount: no copy of 377 MB per node).
 */
public final class KubernetesCache {
    public static final Path DEFAULT_ROOT = Path.of("/var/cache/overlay-lab/kubernetes");
    /** Where a local node sees its version's binaries. */
    public static final String IN_NODE = "/opt/olab/kubernetes";

    private KubernetesCache() {
    }

    public static Path root() {
        String env = System.getenv("OLAB_KUBERNETES_CACHE");
        return env == null || env.isBlank() ? DEFAULT_ROOT : Path.of(env);
    }

    public static Path dir(Path root, String version) {
        return root.resolve(version);
    }

    /** True when the cache holds a complete build of {@code version}. */
    public static boolean cached(Path root, String version) {
        return Files.isRegularFile(dir(root, version).resolve("SHA256SUMS"));
    }

    /** nspawn's option that shows the version's binaries inside a node, read-only. */
    static String bindOption(Path root, String version) {
        return "--bind-ro=" + dir(root, version) + ":" + IN_NODE;
    }
}
