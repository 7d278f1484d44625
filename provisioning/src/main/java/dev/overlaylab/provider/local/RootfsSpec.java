package dev.overlaylab.provider.local;

import java.util.List;

/**
 * What the cached Debian root filesystem is made of. The cache folder is named by {@link #key()},
 * a hash of exactly these fields, so a changed package list builds a new cache beside the old one
 * instead of silently reusing it.
 *
 * @param suite   Debian suite for debootstrap
 * @param mirror  Debian mirror URL
 * @param include packages debootstrap installs ({@code --include})
 * @param extra   packages installed afterwards with apt-get inside the new root
 */
public record RootfsSpec(String suite, String mirror, List<String> include, List<String> extra) {

    /**
     * Names the same packages, in the same order, as {@code vm-profiles/debian-12-nspawn.yaml} (a test
     * holds them together) but is not read from it: the profile's one flat list does not say which
     * packages debootstrap can take with {@code --include} and which need apt-get afterwards
     * (docker.io and friends), and a profile in the user's folder may shadow the built-in one, which
     * must not silently change what the shared cache folder holds.
     */
    public static final RootfsSpec DEFAULT = new RootfsSpec("bookworm", "http://deb.debian.org/debian",
            List.of("systemd", "systemd-sysv", "dbus", "openssh-server", "iproute2", "iputils-ping", "curl",
                    "etcd-server", "etcd-client", "ca-certificates"),
            // conntrack: flushing the nodes' connection tracking is part of switching backends
            // (docs/local-provider.md, "End to end"). containernetworking-plugins: the CNI bridge and
            // host-local plugins that put Kubernetes pods on docker0 (labs with a kubernetes: section).
            List.of("docker.io", "iptables", "busybox-static", "conntrack", "containernetworking-plugins"));

    public RootfsSpec {
        include = List.copyOf(include);
        extra = List.copyOf(extra);
    }

    /** Twelve hex digits naming the cache folder. The mirror is left out: it does not change the content. */
    public String key() {
        String text = "suite=" + suite + ";variant=minbase;include=" + String.join(",", include)
                + ";extra=" + String.join(",", extra);
        return LocalNames.sha256Hex(text).substring(0, 12);
    }
}
