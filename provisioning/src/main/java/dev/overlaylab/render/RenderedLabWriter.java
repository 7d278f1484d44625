package dev.overlaylab.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
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

    private static final Set<StandardOpenOption> WRITE_OPTIONS =
            EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private RenderedLabWriter() {
    }

    /** Writes everything and returns how many files each node got (in node order). */
    public static Map<String, Integer> write(RenderedLab lab, Path dir) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, List<RenderedFile>> e : lab.files().entrySet()) {
            checkInside(dir, e.getKey(), e.getValue());
            counts.put(e.getKey(), e.getValue().size());
        }
        // Nodes' folders are disjoint, so they are written side by side: with hundreds of nodes the
        // time goes into file-system calls, which the second core (or a waiting disk) can overlap.
        try {
            lab.files().entrySet().parallelStream().forEach(e -> {
                try {
                    writeNode(dir.resolve(e.getKey()), e.getValue());
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        write(dir.resolve(NETWORK_CONFIG_FILE), (lab.networkConfigJson() + "\n").getBytes(StandardCharsets.UTF_8), 0644,
                new HashSet<>());
        return counts;
    }

    private static void writeNode(Path nodeDir, List<RenderedFile> files) throws IOException {
        Set<Path> made = new HashSet<>();
        for (RenderedFile f : files) {
            write(target(nodeDir, f), f.bytes(), f.mode(), made);
        }
    }

    private static Path target(Path nodeDir, RenderedFile f) {
        return nodeDir.resolve(f.path().replaceFirst("^/+", "")).normalize();
    }

    /**
     * Validation keeps node names and file paths plain; this keeps a lab built some other way inside
     * DIR as well, and is checked for every file before the first one is written.
     */
    private static void checkInside(Path dir, String node, List<RenderedFile> files) throws IOException {
        Path base = dir.toAbsolutePath().normalize();
        Path nodeDir = base.resolve(node).normalize();
        if (!base.equals(nodeDir.getParent())) {
            throw new IOException("refusing to write node '" + node + "': its folder would not be directly inside " + dir);
        }
        for (RenderedFile f : files) {
            if (!target(nodeDir, f).startsWith(nodeDir)) {
                throw new IOException("refusing to write " + f.path() + " of node " + node + " outside " + nodeDir);
            }
        }
    }

    private static void write(Path target, byte[] bytes, int mode, Set<Path> made) throws IOException {
        // a 200-node lab writes 800 files into a few folders each: ask the file system once per folder
        if (made.add(target.getParent())) {
            Files.createDirectories(target.getParent());
        }
        if (!POSIX) {
            Files.write(target, bytes);
            return;
        }
        // The mode is given at creation, so a new file costs no extra chmod (metadata writes are what
        // a busy disk makes slow); an existing file, or a umask that took bits away, gets one.
        Set<PosixFilePermission> perms = RenderedFile.permissions(mode);
        try (SeekableByteChannel ch = Files.newByteChannel(target, WRITE_OPTIONS, PosixFilePermissions.asFileAttribute(perms))) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
        if (!Files.getPosixFilePermissions(target).equals(perms)) {
            Files.setPosixFilePermissions(target, perms);
        }
    }
}
