package dev.overlaylab.provider.local;

import dev.overlaylab.provider.Readiness;
import dev.overlaylab.provider.Readiness.Fact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Can this machine run local (systemd-nspawn) labs? The same facts {@link LocalProvider} relies on,
 * read through {@link HostChecks} and the node image cache, one per line for {@code olab doctor}.
 */
final class LocalReadiness {
    private final BooleanSupplier linux;
    private final BooleanSupplier root;
    private final Function<String, Optional<Path>> onPath;
    private final RootfsCache rootfs;
    private final Path cacheRoot;
    private final Path cgroupRoot;

    LocalReadiness(BooleanSupplier linux, BooleanSupplier root, Function<String, Optional<Path>> onPath, RootfsCache rootfs,
            Path cacheRoot, Path cgroupRoot) {
        this.linux = linux;
        this.root = root;
        this.onPath = onPath;
        this.rootfs = rootfs;
        this.cacheRoot = cacheRoot;
        this.cgroupRoot = cgroupRoot;
    }

    static LocalReadiness forThisMachine(RootfsCache rootfs, Path cacheRoot) {
        return new LocalReadiness(() -> System.getProperty("os.name", "").toLowerCase().contains("linux"), HostChecks::isRoot,
                HostChecks::onPath, rootfs, cacheRoot, Path.of("/sys/fs/cgroup"));
    }

    Readiness check() {
        List<Fact> out = new ArrayList<>();
        if (!linux.getAsBoolean()) {
            out.add(Fact.fail("Linux", "this is " + System.getProperty("os.name") + "; nodes are systemd-nspawn containers",
                    "use the virtualbox or hosts provider here"));
            return new Readiness(LocalProvider.ID, out);
        }
        out.add(Fact.ok("Linux", System.getProperty("os.version", "")));
        out.add(root.getAsBoolean() ? Fact.ok("root", "running as root")
                : Fact.fail("root", "not running as root (nspawn, bridges and iptables need it)", "run olab with sudo"));
        out.add(program("systemd-nspawn", "sudo apt-get install systemd-container"));
        boolean cached = rootfs.ready();
        Optional<Path> debootstrap = onPath.apply("debootstrap");
        if (debootstrap.isPresent()) {
            out.add(Fact.ok("debootstrap", debootstrap.get().toString()));
        } else if (cached) {
            out.add(Fact.ok("debootstrap", "not installed, not needed: the node image is cached"));
        } else {
            out.add(Fact.fail("debootstrap", "not installed; the first up builds the node image with it",
                    "sudo apt-get install debootstrap"));
        }
        out.add(Files.exists(cgroupRoot.resolve("cgroup.controllers"))
                ? Fact.ok("cgroup version", "v2 (unified)")
                : Fact.warn("cgroup version", "v1 or hybrid (" + cgroupRoot + " has no cgroup.controllers); nspawn nodes"
                        + " run, but docker inside them is tested on v2", "boot with systemd.unified_cgroup_hierarchy=1"));
        List<String> flanneld = flanneldBinaries();
        out.add(flanneld.isEmpty()
                ? Fact.warn("flanneld binary", "none cached in " + cacheRoot.resolve("flannel")
                        + "; up downloads the lab's flannel.binary.url (with its sha256)",
                        "offline: build one with .ci/flanneld/build.sh (sudo .ci/install-prereqs does)")
                : Fact.ok("flanneld binary", String.join(", ", flanneld) + " in " + cacheRoot.resolve("flannel")));
        out.add(cached ? Fact.ok("node image", "cached at " + rootfs.path())
                : Fact.warn("node image", "not built yet: the first up builds it with debootstrap (a few minutes, once)",
                        "nothing to do, or run the first up while online"));
        return new Readiness(LocalProvider.ID, out);
    }

    private Fact program(String name, String install) {
        return onPath.apply(name).map(p -> Fact.ok(name, p.toString()))
                .orElseGet(() -> Fact.fail(name, "not installed", install));
    }

    private List<String> flanneldBinaries() {
        Path dir = cacheRoot.resolve("flannel");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(Files::isExecutable).map(p -> p.getFileName().toString()).sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
