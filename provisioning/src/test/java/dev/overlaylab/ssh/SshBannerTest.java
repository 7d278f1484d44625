package dev.overlaylab.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The banner reader, on byte streams written here by hand and once on a loopback socket. */
class SshBannerTest {

    private static String version(String text) throws IOException {
        return SshBanner.versionLine(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void readsTheVersionLineWithoutItsCrLf() throws IOException {
        assertThat(version("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n")).isEqualTo("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3");
        assertThat(version("SSH-2.0-dropbear\n")).as("a bare LF").isEqualTo("SSH-2.0-dropbear");
    }

    @Test
    void skipsTheLinesRfc4253AllowsBeforeTheVersion() throws IOException {
        // RFC 4253 4.2: "The server MAY send other lines of data before sending the version string."
        assertThat(version("Welcome\r\nauthorised use only\r\n\r\nSSH-2.0-OpenSSH_7.2p2\r\n")).isEqualTo("SSH-2.0-OpenSSH_7.2p2");
        // the old local check read exactly 4 bytes and took this for "no SSH"
        assertThat(version("hi\r\nSSH-2.0-x\r\n")).isEqualTo("SSH-2.0-x");
    }

    @Test
    void aStreamThatEndsOrIsNotSshSaysWhatItGot() {
        assertThatThrownBy(() -> version("")).hasMessage("connection closed without an SSH banner");
        assertThatThrownBy(() -> version("HTTP/1.1 400 Bad Request\r\n")).hasMessage(
                "connection closed without an SSH banner (got 'HTTP/1.1 400 Bad Request')");
        assertThatThrownBy(() -> version("SSH")).as("a partial line at EOF").hasMessageContaining("closed without");
    }

    @Test
    void readsABoundedAmountFromAServerThatNeverSendsTheVersion() {
        InputStream endless = new InputStream() {
            int n;

            @Override
            public int read() {
                return n++ % 10 == 9 ? '\n' : 'x';
            }
        };
        assertThatThrownBy(() -> SshBanner.versionLine(endless)).hasMessageStartingWith("no SSH banner in the first " + SshBanner.MAX_LINES + " lines");
        InputStream oneLongLine = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        assertThatThrownBy(() -> SshBanner.versionLine(oneLongLine)).hasMessageStartingWith("no SSH banner in the first");
    }

    @Test
    void readsFromARealSocket() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = server.accept()) {
                    OutputStream out = s.getOutputStream();
                    out.write("pre-banner\r\nSSH-2.0-test\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    s.getInputStream().read();
                } catch (IOException e) {
                    // the assertion below reports what matters
                }
            });
            t.start();
            try {
                assertThat(SshBanner.read("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(2), Duration.ofSeconds(2)))
                        .isEqualTo("SSH-2.0-test");
            } finally {
                t.join(5000);
            }
        }
    }
}
