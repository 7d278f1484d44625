package dev.overlaylab.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HexFormat;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDigestsTest {
    @TempDir
    Path dir;

    @Test
    void aDigestIsRememberedOnDiskAndTrustedOnlyWhileSizeAndMtimeStay() throws Exception {
        Path file = dir.resolve("flanneld");
        Files.writeString(file, "first version");
        Path store = dir.resolve("store");
        String first = new FileDigests(store).sha256(file);
        assertEquals(sha("first version"), first);
        assertTrue(Files.list(store).findAny().isPresent(), "the digest is kept on disk");

        // A new process (new instance) with the same size and mtime reads the stored digest: prove it
        // by planting a different digest in the store and seeing it come back.
        Path entry = Files.list(store).filter(p -> !p.toString().endsWith(".tmp")).findFirst().orElseThrow();
        String[] saved = Files.readString(entry).strip().split(" ");
        Files.writeString(entry, saved[0] + " " + saved[1] + " planted\n");
        assertEquals("planted", new FileDigests(store).sha256(file));

        // Same size, new mtime: hashed again.
        Files.writeString(file, "other version");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        String second = new FileDigests(store).sha256(file);
        assertEquals(sha("other version"), second);
        assertNotEquals(first, second);
    }

    private static String sha(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes()));
    }
}
