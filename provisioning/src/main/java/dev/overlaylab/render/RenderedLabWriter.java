package dev.overlaylab.render;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a rendered lab into a folder the way {@code olab render} shows it: each node's files at
 * their absolute paths under {@code DIR/<node>/}, and the etcd value as {@code DIR/etcd/network-config.json}.
 * Only bytes and modes are written (no timestamps to compare), so two renders give identical trees.
 */
public final class RenderedLabWriter {
    /** Where the flannel network config goes, relative to the output folder. */
    public static final String NETWORK_CONFIG_FILE = "etcd/network-config.json";

    private RenderedLabWriter() {
    }

    /** Writes everything and returns how many files each node got (in node order). */
    public static Map<String, Integer> write(RenderedLab lab, Path dir) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, List<RenderedFile>> e : lab.files().entrySet()) {
            Path nodeDir = dir.resolve(e.getKey());
            for (RenderedFile f : e.getValue()) {
                write(nodeDir.resolve(f.path().replaceFirst("^/+", "")), f.bytes(), f.mode());
            }
            counts.put(e.getKey(), e.getValue().size());
        }
        write(dir.resolve(NETWORK_CONFIG_FILE), (lab.networkConfigJson() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), 0644);
        return counts;
    }

    private static void write(Path target, byte[] bytes, int mode) throws IOException {
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(target, permissions(mode));
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE};
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                perms.add(order[i]);
            }
        }
        return perms;
    }
}
