package dev.overlaylab.provider.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code up} made on the host, one line per thing, appended (and flushed) right after it was
 * made, before the next step. {@code down} undoes exactly these records in reverse order, so a
 * failed or interrupted {@code up} is still cleaned up, and nothing that was not made is touched.
 *
 * <p>Format: {@code kind<TAB>value[<TAB>extra]}. Kinds: {@code dir}, {@code link}, {@code mount},
 * {@code pid} (value PID, extra machine name), {@code iptables} (value the iptables program, extra
 * the rule spec).
 */
public final class LocalLabState {

    public enum Kind { DIR, LINK, MOUNT, PID, IPTABLES }

    public record Entry(Kind kind, String value, String extra) {
        String line() {
            return kind.name().toLowerCase() + "\t" + value + (extra.isEmpty() ? "" : "\t" + extra);
        }

        static Entry parse(String line) {
            String[] p = line.split("\t", 3);
            if (p.length < 2) {
                throw new IllegalArgumentException("unreadable state line: " + line);
            }
            return new Entry(Kind.valueOf(p[0].toUpperCase()), p[1], p.length > 2 ? p[2] : "");
        }
    }

    private final Path file;

    public LocalLabState(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    public synchronized List<Entry> entries() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Entry> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(Entry.parse(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local lab state " + file, e);
        }
    }

    public boolean contains(Kind kind, String value) {
        return entries().stream().anyMatch(e -> e.kind() == kind && e.value().equals(value));
    }

    public void record(Kind kind, String value) {
        record(kind, value, "");
    }

    /** Appends one record and forces it to disk; a record already present is not repeated. */
    public synchronized void record(Kind kind, String value, String extra) {
        Entry entry = new Entry(kind, value, extra);
        if (entries().contains(entry)) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, entry.line() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local lab state " + file, e);
        }
    }

    /** Drops one record after it was undone (so a repeated down does not try it again). */
    public synchronized void forget(Entry entry) {
        List<Entry> rest = new ArrayList<>(entries());
        rest.remove(entry);
        try {
            if (Files.exists(file)) {
                StringBuilder sb = new StringBuilder();
                rest.forEach(e -> sb.append(e.line()).append('\n'));
                Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local lab state " + file, e);
        }
    }
}
