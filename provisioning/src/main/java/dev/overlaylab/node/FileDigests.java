package dev.overlaylab.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sha256 of a file on this machine that is sent to nodes (the lab's flanneld, 76 MB), computed
 * once per file version and remembered on disk beside its size and mtime: hashing it cost
 * 0.3–0.6 s of CPU at every {@code up} and every node check. A file whose size or mtime moved is
 * hashed again; a digest that cannot be stored is still used for this process.
 */
public final class FileDigests {
    private static final FileDigests USER = new FileDigests(
            Path.of(System.getProperty("user.home"), ".cache", "overlay-lab", "sha256"));

    private final Path store;
    private final ConcurrentHashMap<String, String> known = new ConcurrentHashMap<>();

    public FileDigests(Path store) {
        this.store = store;
    }

    /** This user's digests, kept under {@code ~/.cache/overlay-lab/sha256}. */
    public static FileDigests forUser() {
        return USER;
    }

    /** The file's sha256 (hex); throws {@link UncheckedIOException} naming the file when it cannot be read. */
    public String sha256(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String stamp;
        try {
            stamp = Files.size(abs) + " " + Files.getLastModifiedTime(abs).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + abs, e);
        }
        return known.computeIfAbsent(abs + "|" + stamp, k -> stored(abs, stamp));
    }

    private String stored(Path file, String stamp) {
        Path entry = store.resolve(hex(file.toString().getBytes(StandardCharsets.UTF_8)));
        try {
            String[] saved = Files.readString(entry).strip().split(" ");
            if (saved.length == 3 && (saved[0] + " " + saved[1]).equals(stamp)) {
                return saved[2];
            }
        } catch (IOException | RuntimeException notThere) {
            // hashed below
        }
        String sha = hash(file);
        try {
            Files.createDirectories(store);
            Path tmp = Files.createTempFile(store, "digest", ".tmp");
            Files.writeString(tmp, stamp + " " + sha + "\n");
            Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // not remembered: the next run hashes again, nothing else is lost
        }
        return sha;
    }

    private static String hash(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            MessageDigest md = ((DigestInputStream) in).getMessageDigest();
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes)).substring(0, 32);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this Java runtime", e);
        }
    }
}
