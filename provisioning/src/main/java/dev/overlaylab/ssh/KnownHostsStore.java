package dev.overlaylab.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

/**
 * Overlay Lab's own known_hosts file, in OpenSSH format with every entry keyed {@code [host]:port}
 * (so {@code ssh-keygen -R '[host]:port' -f FILE} edits it). Thread-safe: nodes connect in parallel.
 * Entries are compared by key type and exact key bytes; nothing is hashed or wildcarded.
 */
public final class KnownHostsStore {
    private final Path file;

    public KnownHostsStore(Path file) {
        this.file = file;
    }

    /** The store in the user's data folder. */
    public static KnownHostsStore standard() {
        return new KnownHostsStore(AppDataDir.knownHosts(AppDataDir.resolve()));
    }

    public Path file() {
        return file;
    }

    /** One recorded key. */
    public record Entry(String hostToken, String keyType, String base64Key) {
        public String fingerprint() {
            return sha256Fingerprint(Base64.getDecoder().decode(base64Key));
        }

        String line() {
            return hostToken + " " + keyType + " " + base64Key;
        }
    }

    /** {@code host:port} → {@code [host]:port}, the known_hosts spelling of a non-default port. */
    public static String hostToken(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return "[" + hostPort.substring(0, colon).toLowerCase(java.util.Locale.ROOT) + "]" + hostPort.substring(colon);
    }

    public static String hostToken(String host, int port) {
        return hostToken(host + ":" + port);
    }

    /** All keys recorded for this address. */
    public synchronized List<Entry> lookup(String host, int port) {
        String token = hostToken(host, port);
        return readAll().stream().filter(e -> e.hostToken().equals(token)).toList();
    }

    /** The recorded key of this type for this address, if any. */
    public synchronized Optional<Entry> lookup(String host, int port, String keyType) {
        return lookup(host, port).stream().filter(e -> e.keyType().equals(keyType)).findFirst();
    }

    /** Appends a key for this address (replacing an older one of the same type only if asked). */
    public synchronized Entry record(String host, int port, PublicKey key) {
        Entry entry = new Entry(hostToken(host, port), keyType(key), Base64.getEncoder().encodeToString(blob(key)));
        List<String> lines = new ArrayList<>(readLines());
        lines.add(entry.line());
        writeLines(lines);
        return entry;
    }

    /** Forgets every key of this address (what {@code ssh-keygen -R} does). Returns how many were removed. */
    public synchronized int forget(String host, int port) {
        String token = hostToken(host, port);
        List<String> lines = readLines();
        List<String> kept = lines.stream().filter(l -> !token.equals(firstWord(l))).toList();
        if (kept.size() != lines.size()) {
            writeLines(kept);
        }
        return lines.size() - kept.size();
    }

    /** The SSH wire encoding of a public key (what OpenSSH base64-encodes in known_hosts). */
    public static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }

    public static String keyType(PublicKey key) {
        return KeyType.fromKey(key).toString();
    }

    /** {@code SHA256:...} exactly as {@code ssh-keygen -lf} prints it. */
    public static String sha256Fingerprint(byte[] keyBlob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    public static String sha256Fingerprint(PublicKey key) {
        return sha256Fingerprint(blob(key));
    }

    private List<Entry> readAll() {
        List<Entry> entries = new ArrayList<>();
        for (String line : readLines()) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 3 && !parts[0].startsWith("#") && !parts[0].startsWith("@")) {
                entries.add(new Entry(parts[0], parts[1], parts[2]));
            }
        }
        return entries;
    }

    private static String firstWord(String line) {
        String t = line.trim();
        int sp = t.indexOf(' ');
        return sp < 0 ? t : t.substring(0, sp);
    }

    private List<String> readLines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Overlay Lab's known_hosts " + file + ": " + e.getMessage(), e);
        }
    }

    // Written to a temporary file then moved, so a crash never leaves a half-written known_hosts.
    private void writeLines(List<String> lines) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, (String.join("\n", lines) + (lines.isEmpty() ? "" : "\n")).getBytes(StandardCharsets.UTF_8));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Overlay Lab's known_hosts " + file + ": " + e.getMessage(), e);
        }
    }
}
