package dev.overlaylab.provider.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * inotify instances for the local provider's nodes. Every nspawn node shares this machine's kernel, and
 * {@code fs.inotify.max_user_instances} (128 on Debian) counts every root process of every node of every
 * lab together; a Kubernetes node (systemd, containerd, kubelet, kube-proxy) holds about 17 (measured in
 * issue #9). When they run out, kubelet fails with "too many open files" long after {@code up} began, so
 * the budget is checked before the nodes start: raised when this process may (root, writable /proc/sys),
 * else refused with the command that raises it. A plain node holds about 5 (four unused units are masked
 * for that); when one still runs out, its systemd exits at boot and {@link #explain} says why.
 */
final class InotifyBudget {
    /** Measured 17 per Kubernetes node; a few more for what people start inside (kubectl exec, journalctl -f). */
    static final int PER_NODE = 20;
    private static final String INOTIFY = "anon_inode:inotify";

    private final Path proc;
    private final Path labDir;

    /** @param labDir the lab's folder, under which its nodes' roots are (their processes count as already there) */
    InotifyBudget(Path proc, Path labDir) {
        this.proc = proc;
        this.labDir = labDir;
    }

    /** What to do about {@code nodes} Kubernetes nodes. */
    record Verdict(int limit, int used, int ours, int need, boolean enough) {
        /** The limit that leaves room for this lab, with a little to spare for everyone else. */
        int wanted() {
            return used - ours + need + 16;
        }
    }

    Verdict check(int nodes) {
        int limit = readLimit();
        int used = 0;
        int ours = 0;
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path pid : pids) {
                int n = inotifyFds(pid);
                if (n == 0 || !ownedByRoot(pid)) {
                    continue;
                }
                used += n;
                if (rootOf(pid).filter(r -> r.startsWith(labDir)).isPresent()) {
                    ours += n;
                }
            }
        } catch (IOException e) {
            return new Verdict(limit, 0, 0, 0, true);     // cannot count: let kubelet say so if it comes to that
        }
        int need = nodes * PER_NODE;
        return new Verdict(limit, used, ours, need, limit - used + ours >= need);
    }

    /** The explanation when a node's console log shows it ran out of inotify instances. */
    static Optional<String> explain(String consoleLog) {
        if (!consoleLog.contains("Too many open files")) {
            return Optional.empty();
        }
        Verdict v = new InotifyBudget(Path.of("/proc"), Path.of("/proc/none")).check(0);
        return Optional.of("The node's systemd could not get an inotify instance: this machine's "
                + "fs.inotify.max_user_instances (" + v.limit() + ") is shared by every lab's nodes, and "
                + v.used() + " are in use now (each local node holds about 5). Bring another lab down, use fewer nodes, "
                + "or raise the limit: sysctl -w fs.inotify.max_user_instances=512");
    }

    /** Raises the limit to {@link Verdict#wanted()}; false when this process may not. */
    boolean raise(Verdict v) {
        if (v.wanted() <= readLimit()) {
            return false;          // never lower a machine-wide limit others rely on
        }
        try {
            Files.writeString(proc.resolve("sys/fs/inotify/max_user_instances"), Integer.toString(v.wanted()) + "\n");
            return readLimit() >= v.wanted();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private int readLimit() {
        // not Files.readString: on JDK 17 it reads a /proc/sys file (size 0) as its first byte only ("128" → "1")
        try (java.io.InputStream in = Files.newInputStream(proc.resolve("sys/fs/inotify/max_user_instances"))) {
            return Integer.parseInt(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static int inotifyFds(Path pid) {
        int n = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(pid.resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals(INOTIFY)) {
                        n++;
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // the fd closed while we looked
                }
            }
        } catch (IOException e) {
            return 0;          // the process exited, or is not ours to look at
        }
        return n;
    }

    private static boolean ownedByRoot(Path pid) {
        try {
            for (String line : Files.readAllLines(pid.resolve("status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");       // the effective uid
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static Optional<Path> rootOf(Path pid) {
        try {
            return Optional.of(Files.readSymbolicLink(pid.resolve("root")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
