package dev.overlaylab.provider.virtualbox.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code key="value"} lines of {@code showvminfo --machinereadable}, in output order (order
 * matters: a {@code Forwarding(n)} line belongs to the {@code nicN} line above it). Keys may be
 * quoted ({@code "SATA-0-0"="..."}); lines without {@code =} (7.x prints {@code Encryption: disabled})
 * are skipped.
 */
public record MachineReadable(List<Entry> entries) {

    public record Entry(String key, String value) {
    }

    public MachineReadable {
        entries = List.copyOf(entries);
    }

    public static MachineReadable parse(String output) {
        List<Entry> out = new ArrayList<>();
        for (String raw : output.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String key;
            String rest;
            if (line.startsWith("\"")) {
                int end = closingQuote(line, 1);
                if (end < 0 || end + 1 >= line.length() || line.charAt(end + 1) != '=') {
                    continue;
                }
                key = unescape(line.substring(1, end));
                rest = line.substring(end + 2);
            } else {
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                key = line.substring(0, eq);
                rest = line.substring(eq + 1);
            }
            out.add(new Entry(key, value(rest)));
        }
        return new MachineReadable(out);
    }

    /** The last value of a key (keys are unique in practice), if present. */
    public Optional<String> get(String key) {
        String v = null;
        for (Entry e : entries) {
            if (e.key.equals(key)) {
                v = e.value;
            }
        }
        return Optional.ofNullable(v);
    }

    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        entries.forEach(e -> m.put(e.key, e.value));
        return m;
    }

    private static String value(String rest) {
        if (rest.startsWith("\"")) {
            int end = closingQuote(rest, 1);
            return unescape(rest.substring(1, end < 0 ? rest.length() : end));
        }
        return rest;
    }

    private static int closingQuote(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                c = s.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
