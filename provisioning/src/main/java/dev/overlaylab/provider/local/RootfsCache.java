package dev.overlaylab.provider.local;

import dev.overlaylab.exec.CommandFailedException;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ExecRunner;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Debian root filesystem every local node boots from, built once by debootstrap into
 * {@code <cache>/rootfs/<key>} and then only read (nodes get an overlay on top of it).
 *
 * <p>It is built into {@code .building-<key>-<pid>} and renamed when complete, so a half-built
 * tree is never used; a file lock keeps two concurrent {@code up}s from building it twice.
 */
public final class RootfsCache {
    static final Duration DEBOOTSTRAP_TIMEOUT = Duration.ofMinutes(30);
    static final Duration APT_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    /**
     * Units the engine starts itself, in order: docker started before flanneld (without the
     * drop-in) costs a restart and leaves docker0 on 172.17.0.0/16 for a while; etcd is configured
     * first. systemd-networkd-wait-online would hold docker's start for two minutes when a NIC has
     * no carrier.
     */
    static final List<String> DISABLED_UNITS = List.of("docker.service", "docker.socket", "containerd.service",
            "etcd.service", "systemd-networkd-wait-online.service");
    static final List<String> ENABLED_UNITS = List.of("systemd-networkd.service", "ssh.service");

    /** File locks are per process; threads of this process (two labs brought up at once) wait here first. */
    private static final Object IN_PROCESS = new Object();

    private final ExecRunner runner;
    private final Path rootfsDir;
    private final RootfsSpec spec;

    public RootfsCache(ExecRunner runner, Path cacheRoot, RootfsSpec spec) {
        this.runner = runner;
        this.rootfsDir = cacheRoot.resolve("rootfs");
        this.spec = spec;
    }

    /** Where the finished tree lives (it may not exist yet). */
    public Path path() {
        return rootfsDir.resolve(spec.key());
    }

    public boolean ready() {
        return Files.isRegularFile(path().resolve("etc/os-release"));
    }

    /** The commands a cold build runs, for {@code plan}. */
    public List<String> plan() {
        Path tmp = rootfsDir.resolve(".building-" + spec.key() + "-PID");
        List<String> lines = new ArrayList<>();
        lines.add(String.join(" ", debootstrapArgv(tmp)));
        lines.add(String.join(" ", aptArgv(tmp)));
        lines.add("chroot " + tmp + " systemctl disable " + String.join(" ", DISABLED_UNITS));
        lines.add("chroot " + tmp + " systemctl enable " + String.join(" ", ENABLED_UNITS));
        lines.add("rm " + tmp + "/etc/ssh/ssh_host_*  (each node gets its own host keys)");
        lines.add("mv " + tmp + " " + path());
        return lines;
    }

    /** Returns the cache path, building it first when missing (minutes; progress every few seconds). */
    public Path ensure(ProgressListener progress) {
        if (ready()) {
            progress.on(ProgressEvent.of("nodes", "", "root filesystem", Status.UNCHANGED, "cached at " + path()));
            return path();
        }
        synchronized (IN_PROCESS) {
            return ensureLocked(progress);
        }
    }

    private Path ensureLocked(ProgressListener progress) {
        try {
            Files.createDirectories(rootfsDir);
            try (FileChannel ch = FileChannel.open(rootfsDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = ch.lock()) {
                if (ready()) {   // another up built it while we waited for the lock
                    return path();
                }
                build(progress);
                return path();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the root filesystem cache in " + rootfsDir, e);
        }
    }

    private void build(ProgressListener progress) throws IOException {
        long started = System.nanoTime();
        Path tmp = rootfsDir.resolve(".building-" + spec.key() + "-" + ProcessHandle.current().pid());
        removeTree(tmp);
        progress.on(ProgressEvent.of("nodes", "", "root filesystem", Status.STARTED,
                "building Debian " + spec.suite() + " with debootstrap into " + path() + " (a few minutes, once)"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rootfs-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> progress.on(ProgressEvent.of("nodes", "", "root filesystem", Status.PROGRESS,
                        String.format("debootstrap: %d MB written, %d s", sizeMb(tmp), (System.nanoTime() - started) / 1_000_000_000L))),
                PROGRESS_EVERY.toMillis(), PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        boolean done = false;
        try {
            check(runner.run(debootstrapArgv(tmp), DEBOOTSTRAP_TIMEOUT),
                    "check that " + spec.mirror() + " is reachable (apt proxy settings) and that debootstrap is installed");
            check(runner.run(aptArgv(tmp), Map.of("DEBIAN_FRONTEND", "noninteractive"), APT_TIMEOUT),
                    "the extra packages " + spec.extra() + " must exist in Debian " + spec.suite());
            customize(tmp);
            Files.move(tmp, path());
            done = true;
            progress.on(new ProgressEvent("nodes", "", "root filesystem", Status.CHANGED,
                    Duration.ofNanos(System.nanoTime() - started), "built " + path() + " (" + sizeMb(path()) + " MB)"));
        } finally {
            ticker.shutdownNow();
            if (!done) {
                removeTree(tmp);   // never leave a half-built tree that looks usable
            }
        }
    }

    private void customize(Path root) throws IOException {
        runner.check(List.of("chroot", root.toString(), "apt-get", "clean"), Duration.ofMinutes(2));
        List<String> disable = new ArrayList<>(List.of("chroot", root.toString(), "systemctl", "disable"));
        disable.addAll(DISABLED_UNITS);
        runner.check(disable, Duration.ofMinutes(1));
        List<String> enable = new ArrayList<>(List.of("chroot", root.toString(), "systemctl", "enable"));
        enable.addAll(ENABLED_UNITS);
        runner.check(enable, Duration.ofMinutes(1));
        // Host keys made at install time would be shared by every node; each node gets its own.
        try (Stream<Path> keys = Files.list(root.resolve("etc/ssh"))) {
            for (Path k : keys.filter(p -> p.getFileName().toString().startsWith("ssh_host_")).toList()) {
                Files.delete(k);
            }
        }
        // Marks the tree as ours and complete (ready() looks at os-release, written by debootstrap).
        Files.writeString(root.resolve("etc/overlay-lab-rootfs"), "key=" + spec.key() + "\n");
    }

    List<String> debootstrapArgv(Path target) {
        return List.of("debootstrap", "--variant=minbase", "--include=" + String.join(",", spec.include()),
                spec.suite(), target.toString(), spec.mirror());
    }

    List<String> aptArgv(Path target) {
        List<String> argv = new ArrayList<>(List.of("chroot", target.toString(), "apt-get", "install", "-y",
                "--no-install-recommends"));
        argv.addAll(spec.extra());
        return argv;
    }

    private static void check(ExecResult r, String hint) {
        if (!r.ok()) {
            throw new CommandFailedException(r, hint);
        }
    }

    private void removeTree(Path dir) {
        if (Files.exists(dir)) {
            runner.run(List.of("rm", "-rf", "--one-file-system", dir.toString()), Duration.ofMinutes(5));
        }
    }

    /** Size of a tree that debootstrap is changing under us: vanished files are skipped, not fatal. */
    private static long sizeMb(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long[] bytes = {0};
        try {
            Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        bytes[0] += attrs.size();
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return bytes[0] / (1024 * 1024);
        }
        return bytes[0] / (1024 * 1024);
    }
}
