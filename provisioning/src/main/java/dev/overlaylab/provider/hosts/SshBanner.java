package dev.overlaylab.provider.hosts;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;

/** Waits until an SSH server answers with its banner ({@code SSH-2.0-...}): the node is up, before any login. */
public final class SshBanner {
    private SshBanner() {
    }

    /** The banner line, or empty when nothing answered as SSH within {@code limit} (bounded in attempts too). */
    public static Optional<String> await(String host, int port, Duration limit, int attempts) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (int i = 0; i < attempts && System.nanoTime() < deadline; i++) {
            Optional<String> b = read(host, port, Duration.ofSeconds(3));
            if (b.isPresent()) {
                return b;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** One attempt: connect, read the first line, expect it to start with "SSH-". */
    public static Optional<String> read(String host, int port, Duration timeout) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            // servers may send other lines before the banner (RFC 4253 4.2); read a bounded amount
            for (int n = 0; n < 8192; n++) {
                int c = in.read();
                if (c < 0) {
                    return Optional.empty();
                }
                if (c == '\n') {
                    String l = line.toString().strip();
                    if (l.startsWith("SSH-")) {
                        return Optional.of(l);
                    }
                    line.setLength(0);
                } else {
                    line.append((char) c);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
