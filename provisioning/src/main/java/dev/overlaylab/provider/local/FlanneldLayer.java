package dev.overlaylab.provider.local;

import dev.overlaylab.node.FileDigests;
import dev.overlaylab.node.NodeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The lab's flanneld as a read-only overlay layer that every node of every lab mounts under its own upper layer,
 * above the root filesystem: {@code <cache>/flannel/layers/sha256-<digest>/} holds
 * {@value NodeRoot#FLANNELD} and its digest line ({@link NodeLayout#FLANNELD_DIGEST}), so the engine's binary step
 * finds the binary in place and does nothing.
 *
 * <p>Before, each node got its own copy of the 76 MB binary in its upper layer at boot: 0.15 s of disk writes per
 * node, one after another, and 76 MB more page cache per node (1.5 GB for a 20-node lab), since copies share no
 * pages. A layer is made once per binary (by content, so a changed file is a new layer) and never changed after:
 * overlayfs does not allow a lower layer to change under a mount. A node that later needs another flanneld gets it
 * the usual way, the engine's copy into its upper layer.
 */
final class FlanneldLayer {
    private FlanneldLayer() {
    }

    /** The layer for {@code binary}, made now when missing (a copy, not a link: the source file may change later). */
    static Path ensure(Path binary, Path cacheRoot, FileDigests digests) {
        String sha = digests.sha256(binary);
        Path layers = cacheRoot.resolve("flannel").resolve("layers");
        Path layer = layers.resolve("sha256-" + sha);
        if (Files.isDirectory(layer)) {
            return layer;
        }
        Path tmp = layers.resolve(".making-" + sha + "-" + ProcessHandle.current().pid());
        try {
            Path target = tmp.resolve(NodeRoot.FLANNELD.substring(1));
            Files.createDirectories(target.getParent());
            Files.copy(binary, target, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path digest = tmp.resolve(NodeLayout.FLANNELD_DIGEST.substring(1));
            Files.createDirectories(digest.getParent());
            Files.writeString(digest, NodeLayout.flanneldDigestLine(sha, Files.size(target),
                    Files.getLastModifiedTime(target).to(TimeUnit.SECONDS), NodeRoot.FLANNELD) + "\n");
            try {
                Files.move(tmp, layer, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException raced) {
                if (!Files.isDirectory(layer)) {
                    throw raced;
                }
                // another up made the same layer at the same moment: use that one
            }
            return layer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the flanneld layer " + layer + " from " + binary + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover .making- folder is harmless and named as such
        }
    }
}
