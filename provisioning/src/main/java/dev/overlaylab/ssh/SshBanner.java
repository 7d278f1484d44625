package dev.overlaylab.ssh;

import dev.overlaylab.exec.Wait;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads an SSH server's identification line ({@code SSH-2.0-OpenSSH_9.2p1 ...}): the one banner
 * reader behind every "is sshd up yet" wait. A NAT forward or a bridge accepts connections long
 * before sshd runs, so an open port proves nothing; only the banner does.
 *
 * <p>RFC 4253 section 4.2: "The server MAY send other lines of data before sending the version
 * string. Each line SHOULD be terminated by a Carriage Return and Line Feed." So lines are read,
 * up to {@link #MAX_LINES} lines and {@link #MAX_BYTES} bytes in all, until one starts with
 * {@code SSH-}; the version line itself is at most 255 characters.
 */
public final class SshBanner {
    static final int MAX_LINES = 32;
    static final int MAX_BYTES = 8192;
    private static final int MAX_LINE = 1024;

    private SshBanner() {
    }

    /** {@link #read} as a probe for {@link Wait}: each attempt connects anew. */
    public static Wait.Probe<String> probe(String host, int port, Duration connect, Duration read) {
        return () -> Optional.of(read(host, port, connect, read));
    }

    /**
     * One attempt: connect within {@code connect}, then read lines (each read bounded by {@code read})
     * until the version line.
     *
     * @return the version line without CR/LF
     * @throws IOException refused, unreachable, timed out, closed, or no {@code SSH-} line within the bounds
     *                     (the message says which, for the wait's "last problem")
     */
    public static String read(String host, int port, Duration connect, Duration read) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), (int) Math.max(1, connect.toMillis()));
            s.setSoTimeout((int) Math.max(1, read.toMillis()));
            return versionLine(s.getInputStream());
        }
    }

    /** The first line starting with {@code SSH-} of {@code in}, skipping the lines RFC 4253 allows before it. */
    static String versionLine(InputStream in) throws IOException {
        int total = 0;
        String first = null;
        for (int lines = 0; lines < MAX_LINES; lines++) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (++total > MAX_BYTES || line.size() >= MAX_LINE) {
                    throw new IOException("no SSH banner in the first " + Math.min(total, MAX_BYTES) + " bytes" + got(first));
                }
                line.write(c);
            }
            String text = line.toString(StandardCharsets.US_ASCII);
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.startsWith("SSH-")) {
                return text;
            }
            if (first == null && !text.isBlank()) {
                first = text;
            }
            if (c < 0) {
                throw new IOException("connection closed without an SSH banner" + got(first));
            }
        }
        throw new IOException("no SSH banner in the first " + MAX_LINES + " lines" + got(first));
    }

    private static String got(String first) {
        if (first == null) {
            return "";
        }
        String shown = first.length() > 60 ? first.substring(0, 60) + "..." : first;
        return " (got '" + shown.replaceAll("[^\\x20-\\x7e]", "?") + "')";
    }
}
