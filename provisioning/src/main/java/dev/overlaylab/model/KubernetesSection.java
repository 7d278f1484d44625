package dev.overlaylab.model;

import java.util.Optional;
import java.util.Set;

/**
 * Reads the lab file's optional {@code kubernetes:} section. Absent (or {@code kubernetes: false}): no
 * Kubernetes, the lab is what it always was. Present but empty ({@code kubernetes:}, {@code kubernetes: {}}
 * or {@code kubernetes: true}): every default. Defaults are documented in docs/lab-file.md.
 */
final class KubernetesSection {
    static final Set<String> FIELDS = YamlSection.fields("version", "serviceCidr", "masterSchedulable", "clusterDomain",
            "binaries");
    private static final Set<String> BINARIES = YamlSection.fields("url", "sha256");

    private KubernetesSection() {
    }

    static Optional<KubernetesSettings> read(YamlSection root) {
        if (!root.keys().contains("kubernetes")) {
            return Optional.empty();
        }
        if (root.isScalar("kubernetes")) {
            // kubernetes: true / false as a switch; anything else is reported by bool()
            return root.bool("kubernetes", false) ? Optional.of(KubernetesSettings.defaults()) : Optional.empty();
        }
        YamlSection k = root.section("kubernetes", FIELDS);
        String version = k.string("version", KubernetesSettings.DEFAULT_VERSION);
        if (version.matches("\\d.*")) {
            version = "v" + version;      // 1.37.2 and v1.37.2 mean the same release
        }
        YamlSection b = k.section("binaries", BINARIES);
        KubernetesSettings.Binaries binaries = new KubernetesSettings.Binaries(
                b.string("url", KubernetesSettings.releaseUrl(version)), b.string("sha256").map(String::toLowerCase));
        return Optional.of(new KubernetesSettings(version,
                k.string("serviceCidr", KubernetesSettings.DEFAULT_SERVICE_CIDR),
                k.bool("masterSchedulable", true),
                k.string("clusterDomain", KubernetesSettings.DEFAULT_CLUSTER_DOMAIN),
                binaries));
    }
}
