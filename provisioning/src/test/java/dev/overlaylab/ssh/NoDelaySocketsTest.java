package dev.overlaylab.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoDelaySocketsTest {
    @Test
    void everySocketItMakesHasNagleOffConnectedOrNot() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 10, loopback)) {
            int port = server.getLocalPort();
            NoDelaySockets f = NoDelaySockets.INSTANCE;
            List<Socket> sockets = List.of(f.createSocket(), f.createSocket(loopback.getHostAddress(), port),
                    f.createSocket(loopback, port), f.createSocket(loopback.getHostAddress(), port, loopback, 0),
                    f.createSocket(loopback, port, loopback, 0));
            try {
                for (Socket s : sockets) {
                    assertThat(s.getTcpNoDelay()).isTrue();
                }
                assertThat(sockets.subList(1, sockets.size())).allMatch(Socket::isConnected);
            } finally {
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aRefusedConnectIsAnIOException() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        assertThatThrownBy(() -> NoDelaySockets.INSTANCE.createSocket(InetAddress.getLoopbackAddress(), closedPort))
                .isInstanceOf(IOException.class);
    }
}
