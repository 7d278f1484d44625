package dev.overlaylab.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Loads a recorded command output from {@code src/test/resources/verify/} and fills its {@code {{placeholders}}}. */
public final class Recorded {
    private Recorded() {
    }

    public static String load(String name, Map<String, String> values) {
        String text;
        try (InputStream in = Recorded.class.getResourceAsStream("/verify/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded output " + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (var e : values.entrySet()) {
            text = text.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        if (text.contains("{{")) {
            throw new IllegalArgumentException(name + ": unfilled placeholder in " + text);
        }
        return text;
    }

    public static String load(String name) {
        return load(name, Map.of());
    }
}
