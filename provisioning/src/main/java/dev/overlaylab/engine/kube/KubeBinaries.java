package dev.overlaylab.engine.kube;

import dev.overlaylab.exec.Commands;
import dev.overlaylab.model.KubernetesSettings;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.provider.local.KubernetesCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes binaries a node needs and where they come from: this machine's cache
 * ({@code setup/kubernetes/build.sh} fills {@code /var/cache/overlay-lab/kubernetes/<version>/} and writes
 * its {@code SHA256SUMS}), or the lab's release URL, downloaded on the node itself and checked there.
 * Either way the node keeps, per binary, a mark with the sha256 it was given and the size and mtime it
 * had then ({@value #MARK_DIR}): a binary whose size and mtime still match its mark is the right one
 * without hashing 100 MB again.
 */
public final class KubeBinaries {
    static final String MARK_DIR = "/var/lib/overlay-lab/kubernetes";
    static final List<String> EVERY_NODE = List.of("kubelet", "kube-proxy");

    private KubeBinaries() {
    }

    static Path cacheRoot() {
        return KubernetesCache.root();
    }

    static Path cacheDir(Path cacheRoot, String version) {
        return KubernetesCache.dir(cacheRoot, version);
    }

    static boolean cached(Path cacheRoot, String version) {
        return KubernetesCache.cached(cacheRoot, version);
    }

    /** Binaries {@code node} runs: kubelet and kube-proxy everywhere, the control plane and kubectl on the master. */
    static List<String> needed(Lab lab, Node node) {
        return node.name().equals(lab.master().name())
                ? List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubectl", "kubelet", "kube-proxy")
                : EVERY_NODE;
    }

    /** {@code SHA256SUMS} as binary name → sha256. */
    static Map<String, String> parseSums(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            String[] p = line.strip().split("\\s+");
            if (p.length == 2 && p[0].matches("[0-9a-f]{64}")) {
                out.put(p[1].startsWith("*") ? p[1].substring(1) : p[1], p[0]);
            }
        }
        return out;
    }

    static Map<String, String> cachedSums(Path cacheRoot, String version) throws IOException {
        return parseSums(Files.readString(cacheDir(cacheRoot, version).resolve("SHA256SUMS")));
    }

    /** The mark kept for a binary: its sha256, then size and mtime as {@code stat -c '%s %Y'} prints them. */
    static String markPath(String binary) {
        return MARK_DIR + "/" + binary + ".sha256";
    }

    /**
     * One shell script that brings {@code binaries} into {@code binDir} from {@code url}: fetches
     * {@code SHA256SUMS} (checked against {@code pin} when the lab gives one), then each binary whose mark
     * does not match its sha256, checked with {@code sha256sum -c} before it replaces the old one. Prints
     * {@code fetched NAME} per binary it replaced and nothing else on success. {@code markDir} and
     * {@code binDir} are parameters so a test can run it outside a node.
     */
    public static String downloadScript(String url, Optional<String> pin, List<String> binaries, String binDir, String markDir) {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        StringBuilder s = new StringBuilder();
        s.append("set -e; umask 022; work=$(mktemp -d); trap 'rm -rf \"$work\"' EXIT; mkdir -p ")
                .append(Commands.quote(binDir)).append(' ').append(Commands.quote(markDir)).append("\n");
        s.append("curl -fsSL --connect-timeout 20 --max-time 120 -o \"$work/SHA256SUMS\" ")
                .append(Commands.quote(base + "/SHA256SUMS")).append(" || { echo \"cannot download ").append(base)
                .append("/SHA256SUMS\" >&2; exit 3; }\n");
        pin.ifPresent(p -> s.append("echo ").append(Commands.quote(p + "  " + "SHA256SUMS"))
                .append(" | (cd \"$work\" && sha256sum -c - >/dev/null) || { echo \"SHA256SUMS from ").append(base)
                .append(" has sha256 $(sha256sum \"$work/SHA256SUMS\" | cut -d' ' -f1), the lab pins ").append(p)
                .append(" (kubernetes.binaries.sha256)\" >&2; exit 4; }\n"));
        s.append("for b in ").append(String.join(" ", binaries)).append("; do\n")
                .append("  want=$(awk -v b=\"$b\" '$2==b || $2==\"*\"b {print $1}' \"$work/SHA256SUMS\")\n")
                .append("  [ -n \"$want\" ] || { echo \"$b is not listed in ").append(base).append("/SHA256SUMS\" >&2; exit 5; }\n")
                .append("  t=").append(Commands.quote(binDir)).append("/$b; m=").append(Commands.quote(markDir)).append("/$b.sha256\n")
                .append("  [ -f \"$t\" ] && [ \"$(cat \"$m\" 2>/dev/null)\" = \"$want $(stat -c '%s %Y' \"$t\")\" ] && continue\n")
                .append("  curl -fsSL --connect-timeout 20 --max-time 600 -o \"$work/$b\" ").append(Commands.quote(base)).append("/\"$b\"")
                .append(" || { echo \"cannot download ").append(base).append("/$b\" >&2; exit 6; }\n")
                .append("  echo \"$want  $work/$b\" | sha256sum -c - >/dev/null 2>&1 || { echo \"$b from ").append(base)
                .append(" has sha256 $(sha256sum \"$work/$b\" | cut -d' ' -f1), SHA256SUMS says $want\" >&2; exit 7; }\n")
                .append("  chmod 0755 \"$work/$b\"; mv -f \"$work/$b\" \"$t\"\n")
                .append("  echo \"$want $(stat -c '%s %Y' \"$t\")\" > \"$m\"; echo \"fetched $b\"\n")
                .append("done\n");
        return s.toString();
    }

    /** The version's cache folder, or a message saying how to fill it. */
    static Optional<String> missingCache(Path cacheRoot, KubernetesSettings k) {
        if (cached(cacheRoot, k.version())) {
            return Optional.empty();
        }
        return Optional.of("the Kubernetes " + k.version() + " binaries are not in " + cacheDir(cacheRoot, k.version())
                + (k.version().equals(KubernetesSettings.DEFAULT_VERSION)
                        ? ": build them once with sudo ./olab setup kubernetes (needs Go; about 6 minutes and 2.6 GB of memory)"
                        : ": the setup builds " + KubernetesSettings.DEFAULT_VERSION + " only; use that version, or put your own build"
                                + " there with its SHA256SUMS"));
    }
}
