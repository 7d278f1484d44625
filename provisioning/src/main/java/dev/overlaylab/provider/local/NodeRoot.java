package dev.overlaylab.provider.local;

import dev.overlaylab.exec.ExecRunner;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.provider.local.LocalLabState.Kind;
import dev.overlaylab.render.RenderException;
import dev.overlaylab.render.RenderedFile;
import dev.overlaylab.render.Renderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * One node's root filesystem: an overlay whose lower layer is the shared, read-only cache and whose
 * upper layer is the node's own folder, plus the few files that make the node itself (host name,
 * static addresses, the lab's public key, its own SSH host keys).
 */
final class NodeRoot {
    /** Where the rendered flanneld unit runs it from. */
    static final String FLANNELD = "/usr/local/bin/flanneld";
    private static final Duration MOUNT_TIMEOUT = Duration.ofSeconds(30);

    private final ExecRunner runner;
    private final LocalNames names;
    private final LocalLabState state;
    private final Path hostKeysDir;

    NodeRoot(ExecRunner runner, LocalNames names, LocalLabState state, Path hostKeysDir) {
        this.runner = runner;
        this.names = names;
        this.state = state;
        this.hostKeysDir = hostKeysDir;
    }

    /** Mounts the node's overlay unless it is mounted already; returns the merged root. {@code lowers}: topmost first. */
    Path mount(String node, List<Path> lowers) {
        Path dir = names.nodeDir(node);
        Path upper = dir.resolve("upper");
        Path work = dir.resolve("work");
        Path root = names.nodeRoot(node);
        try {
            Files.createDirectories(upper);
            Files.createDirectories(work);
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the node folder " + dir, e);
        }
        if (!isMountPoint(root)) {
            state.record(Kind.MOUNT, root.toString());
            runner.check(mountArgv(lowers, upper, work, root), MOUNT_TIMEOUT);
        }
        return root;
    }

    static List<String> mountArgv(List<Path> lowers, Path upper, Path work, Path root) {
        return List.of("mount", "-t", "overlay", "overlay", "-o",
                "lowerdir=" + String.join(":", lowers.stream().map(Path::toString).toList()) + ",upperdir=" + upper
                        + ",workdir=" + work, root.toString());
    }

    boolean isMountPoint(Path p) {
        return runner.run(List.of("mountpoint", "-q", p.toString()), MOUNT_TIMEOUT).ok();
    }

    void unmount(Path root) {
        if (isMountPoint(root)) {
            if (!runner.run(List.of("umount", root.toString()), MOUNT_TIMEOUT).ok()) {
                // Something still holds a file open (a shell cd'ed into it): detach now, freed when closed.
                runner.check(List.of("umount", "-l", root.toString()), MOUNT_TIMEOUT);
            }
        }
    }

    /** Writes what makes this node itself. Idempotent: the same files are written again on a re-up. */
    void personalize(Node node, Path root, RenderedFile hostOnlyAddress, String labPublicKey) {
        try {
            write(root.resolve("etc/hostname"), node.name() + "\n", "rw-r--r--");
            write(root.resolve("etc/hosts"), "127.0.0.1 localhost\n127.0.1.1 " + node.name() + "\n", "rw-r--r--");
            // the base stage's own file for the host-only address (so SSH answers on it at boot, and the base stage
            // then finds it unchanged instead of writing a second file for host0 and restarting networkd)
            write(root.resolve(hostOnlyAddress.path().substring(1)), hostOnlyAddress.content(),
                    PosixFilePermissions.toString(hostOnlyAddress.permissions()));
            write(root.resolve("etc/systemd/network/10-" + LocalNames.NAT_NIC + ".network"), natNetwork(), "rw-r--r--");
            Path ssh = root.resolve("root/.ssh");
            Files.createDirectories(ssh);
            Files.setPosixFilePermissions(ssh, PosixFilePermissions.fromString("rwx------"));
            write(ssh.resolve("authorized_keys"), labPublicKey.strip() + "\n", "rw-------");
            installHostKeys(node.name(), root);
            maskUnneededUnits(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write node files for " + node.name() + " under " + root, e);
        }
    }

    /**
     * Units of the image a lab node never uses, each of which holds an inotify instance for the
     * node's whole life. {@code fs.inotify.max_user_instances} (128 by default) counts every
     * node's instances together, since all nodes run as the host's root: a node booted with
     * the image's defaults held 8, 9 once docker ran (systemd 5, dbus, logind, the console getty,
     * containerd), so a 20-node lab alone nearly used them up: its 20th node's systemd died at boot
     * ("Failed to allocate manager object: Too many open files"), taking its veths with it (the
     * "Cannot find device" when attaching them). Masked, a provisioned node holds 5. Logins
     * stay as fast without logind (pam_systemd is optional in Debian's sshd stack).
     */
    static final List<String> MASKED_UNITS = List.of("systemd-logind.service", "console-getty.service",
            "systemd-ask-password-console.path", "systemd-ask-password-wall.path");

    /**
     * systemd's generators that have nothing to generate in a lab node (no crypt, verity or integrity devices, no
     * fstab entries, no GPT partitions, no hibernation, no rc.local or kernel command line, and no SysV script
     * without a native unit), masked in {@code /etc/systemd/system-generators}. systemd runs every generator at boot
     * and at each {@code daemon-reload}: masked, a reload took 0.072–0.090 s on a quiet lab node instead of
     * 0.136–0.155 s, and a cold up makes one per node (docker's drop-in).
     */
    static final List<String> MASKED_GENERATORS = List.of("systemd-cryptsetup-generator", "systemd-debug-generator",
            "systemd-fstab-generator", "systemd-getty-generator", "systemd-gpt-auto-generator", "systemd-hibernate-resume-generator",
            "systemd-integritysetup-generator", "systemd-rc-local-generator", "systemd-run-generator",
            "systemd-system-update-generator", "systemd-sysv-generator", "systemd-veritysetup-generator");

    private static void maskUnneededUnits(Path root) throws IOException {
        mask(root.resolve("etc/systemd/system"), MASKED_UNITS);
        mask(root.resolve("etc/systemd/system-generators"), MASKED_GENERATORS);
    }

    private static void mask(Path dir, List<String> names) throws IOException {
        Files.createDirectories(dir);
        for (String name : names) {
            Path link = dir.resolve(name);
            if (!Files.isSymbolicLink(link)) {
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, Path.of("/dev/null"));
            }
        }
    }

    /** The node's host-only address file as the engine's base stage renders it (one template, one writer). */
    static RenderedFile hostOnlyAddress(Lab lab, Node node) {
        try {
            return Renderer.forLab(lab).hostOnlyAddress(lab, Profiles.of(lab), node);
        } catch (RenderException e) {
            throw new LocalProviderException("cannot render the host-only address file of node " + node.name() + ": " + e.getMessage());
        }
    }

    /** Same address and default route on every node, as VirtualBox NAT gives every VM. */
    static String natNetwork() {
        return "# managed by Overlay Lab (local provider): the NAT-like NIC, same address on every node\n"
                + "[Match]\nName=" + LocalNames.NAT_NIC + "\n\n"
                + "[Network]\nAddress=" + LocalNames.NAT_ADDRESS + "\nGateway=" + LocalNames.NAT_GATEWAY + "\n"
                + "LinkLocalAddressing=no\nIPv6AcceptRA=no\nConfigureWithoutCarrier=yes\n";
    }

    /**
     * Host keys are made once per lab and node and kept in the lab key's folder, so a lab brought down
     * and up again presents the same keys (the engine's known_hosts would otherwise refuse it).
     */
    private void installHostKeys(String node, Path root) throws IOException {
        Path kept = hostKeysDir.resolve(node);
        Path keptSsh = kept.resolve("etc/ssh");
        Files.createDirectories(keptSsh);
        // ed25519 and ecdsa only: an RSA-3072 key takes seconds to make on a busy 2-core host, and
        // sshd serves the keys it finds.
        for (String type : List.of("ed25519", "ecdsa")) {
            Path key = keptSsh.resolve("ssh_host_" + type + "_key");
            if (!Files.exists(key)) {
                runner.check(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "root@" + node, "-f", key.toString()),
                        Duration.ofSeconds(60));
            }
        }
        try (Stream<Path> keys = Files.list(keptSsh)) {
            for (Path k : keys.toList()) {
                Path target = root.resolve("etc/ssh").resolve(k.getFileName());
                Files.copy(k, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void write(Path file, String content, String perms) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".olab-tmp");
        Files.writeString(tmp, content);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(perms));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
