package dev.overlaylab.provider.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every booted node's systemd, dbus and containerd each hold inotify instances, and all nodes of
 * all labs on this machine run as the host's root, so together they count against the one
 * {@code fs.inotify.max_user_instances} (128 by default). When a node's systemd cannot get one it
 * exits at boot with "Too many open files"; this turns that log line into the cause and its fix.
 */
final class InotifyLimit {
    static final Path MAX_INSTANCES = Path.of("/proc/sys/fs/inotify/max_user_instances");

    private InotifyLimit() {
    }

    /** The explanation when a node's console log shows it ran out of inotify instances. */
    static Optional<String> explain(String consoleLog) {
        if (!consoleLog.contains("Too many open files")) {
            return Optional.empty();
        }
        return Optional.of("The node's systemd could not get an inotify instance: this machine's "
                + "fs.inotify.max_user_instances (" + read(MAX_INSTANCES).orElse("?") + ") is shared by every lab's nodes, and "
                + inUse() + " are in use now (each local node holds about 5). Bring another lab down, use fewer nodes, "
                + "or raise the limit: sysctl -w fs.inotify.max_user_instances=512");
    }

    /** inotify instances open on this machine, counted from every process's open files. */
    static long inUse() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(InotifyLimit::instancesOf).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private static long instancesOf(Path proc) {
        try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals("anon_inode:inotify");
                } catch (IOException | UnsupportedOperationException e) {
                    return false;
                }
            }).count();
        } catch (IOException | SecurityException e) {
            return 0;   // the process exited meanwhile, or is not ours to read
        }
    }

    /** The value of a /proc/sys file, read in one call (a second read at an offset returns nothing there). */
    static Optional<String> read(Path p) {
        try (var in = Files.newInputStream(p)) {
            return Optional.of(new String(in.readNBytes(64), java.nio.charset.StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
