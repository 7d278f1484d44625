package dev.overlaylab.provider.virtualbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads {@code src/test/resources/virtualbox/<version>/<file>}. */
final class Fixtures {
    static final String V61 = "6.1.50";
    static final String V70 = "7.0.20";
    static final String V71 = "7.1.4";
    /** recorded from the real VirtualBox (Debian sid package 7.2.22) by the RealVBox*ContractTest classes */
    static final String V72 = "7.2.22";

    private Fixtures() {
    }

    static String read(String version, String file) {
        String path = "/virtualbox/" + version + "/" + file;
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
