package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The banner wait against real loopback sockets (only 127.0.0.1, ports chosen by the OS). */
class SshBannerWaitTest {
    private final List<ProgressEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final SshBannerWait wait = new SshBannerWait(d -> { }, SshBannerWait::banner);

    @Test
    void bannerAfterAPreambleLineIsFound() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = serveOnce(server, "a pre-banner line\r\nSSH-2.0-OpenSSH_7.2p2 Ubuntu-4ubuntu2.10\r\n");
            Optional<String> b = wait.await("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(10), "nodes", "master", events::add);
            t.join(5000);

            assertThat(b).contains("SSH-2.0-OpenSSH_7.2p2 Ubuntu-4ubuntu2.10");
            assertThat(events).extracting(ProgressEvent::status).containsExactly(Status.STARTED, Status.CHANGED);
        }
    }

    @Test
    void anOpenPortWithoutBannerIsNotReady() throws Exception {
        // a NAT forward accepts and drops connections while the guest is still booting
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < 3; i++) {
                    try (Socket s = server.accept()) {
                        s.getOutputStream().flush();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.start();
            Optional<String> b = wait.await("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(1), "nodes", "master", events::add);
            server.close();
            t.join(5000);

            assertThat(b).isEmpty();
            assertThat(events.get(events.size() - 1).status()).isEqualTo(Status.FAILED);
            assertThat(events.get(events.size() - 1).message()).startsWith("no SSH banner on 127.0.0.1:")
                    .contains("last problem: connection closed without an SSH banner");
        }
    }

    @Test
    void aClosedPortCountsDownAndGivesUpInBoundedAttempts() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Optional<String> b = wait.await("127.0.0.1", port, Duration.ofSeconds(2), "nodes", "worker", events::add);

        assertThat(b).isEmpty();
        assertThat(events).anyMatch(e -> e.status() == Status.PROGRESS
                && e.message().matches("attempt 1/3: no SSH banner yet on 127.0.0.1:\\d+, \\d+ s left \\(.*refused.*\\)"));
        assertThat(events.get(events.size() - 1).message()).contains("of at most 2 s (3 attempts); last problem:");
    }

    private static Thread serveOnce(ServerSocket server, String text) {
        Thread t = new Thread(() -> {
            try (Socket s = server.accept()) {
                OutputStream out = s.getOutputStream();
                out.write(text.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                s.getInputStream().read();
            } catch (IOException e) {
                // the test's assertions report what matters
            }
        });
        t.start();
        return t;
    }
}
