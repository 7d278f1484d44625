package dev.overlaylab.render;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One file a node gets, rendered in memory.
 *
 * @param path         absolute path on the node, e.g. {@code /etc/systemd/system/flanneld.service}
 * @param content      the file's text
 * @param mode         POSIX mode, e.g. {@code 0644}
 * @param component    which stage owns it: {@code etcd}, {@code flannel}, {@code docker}, {@code network}
 * @param restarts     systemd units that read this file and must restart when it changes (in this order)
 * @param applyCommand a shell command that makes a change take effect when no unit restart does
 *                     (e.g. {@code netplan apply}); empty for most files
 */
public record RenderedFile(String path, String content, int mode, String component, List<String> restarts,
                           Optional<String> applyCommand) {

    public RenderedFile {
        restarts = List.copyOf(restarts);
    }

    /** A file whose changes take effect by restarting {@code restarts} alone. */
    public RenderedFile(String path, String content, int mode, String component, List<String> restarts) {
        this(path, content, mode, component, restarts, Optional.empty());
    }

    /** The permission bits of {@link #mode}, e.g. owner read and write, group and others read for {@code 0644}. */
    public java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions() {
        return permissions(mode);
    }

    /** The permission bits a POSIX mode such as {@code 0644} names (its lowest 9 bits). */
    public static java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions(int mode) {
        var order = java.nio.file.attribute.PosixFilePermission.values();   // OWNER_READ … OTHERS_EXECUTE, in mode-bit order
        var perms = java.util.EnumSet.noneOf(java.nio.file.attribute.PosixFilePermission.class);
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                perms.add(order[i]);
            }
        }
        return perms;
    }

    public byte[] bytes() {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    private static final List<String> UNIT_DIRS = List.of("/etc/systemd/system/", "/lib/systemd/system/");

    /** True for systemd unit files and drop-ins: a change needs {@code systemctl daemon-reload}. */
    public boolean isSystemdUnit() {
        return systemdUnit().isPresent();
    }

    /**
     * The unit this file defines or adds to: {@code flanneld.service} for {@code /etc/systemd/system/flanneld.service},
     * {@code docker.service} for its drop-in {@code /etc/systemd/system/docker.service.d/10-flannel.conf}; empty for
     * any other file.
     */
    public Optional<String> systemdUnit() {
        for (String dir : UNIT_DIRS) {
            if (path.startsWith(dir) && path.length() > dir.length()) {
                String rest = path.substring(dir.length());
                int slash = rest.indexOf('/');
                if (slash < 0) {
                    return Optional.of(rest);
                }
                String first = rest.substring(0, slash);
                return first.endsWith(".d") && first.length() > 2 ? Optional.of(first.substring(0, first.length() - 2)) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
