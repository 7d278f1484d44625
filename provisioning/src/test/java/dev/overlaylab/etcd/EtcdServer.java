package dev.overlaylab.etcd;

import dev.overlaylab.testsupport.Prereq;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Debian etcd (3.4) started by a test: own data folder, v2 API enabled, client and peer URLs
 * on the given address (loopback, or an address inside a network namespace). Stopped by its PID.
 */
final class EtcdServer implements AutoCloseable {
    private final Path dir;
    private final List<String> clientHosts;
    private final int clientPort;
    private final int peerPort;
    private final String netns;
    private Process process;

    EtcdServer(Path dir, List<String> clientHosts, int clientPort, int peerPort, String netns) {
        this.dir = dir;
        this.clientHosts = clientHosts;
        this.clientPort = clientPort;
        this.peerPort = peerPort;
        this.netns = netns;
    }

    static Path requireEtcd() {
        return Prereq.requireProgram("etcd");
    }

    /** A free pair (client, client+5) in this helper's range 23790-23799 on loopback. */
    static int freeClientPort() {
        for (int p = 23790; p < 23795; p++) {
            if (free(p) && free(p + 5)) {
                return p;
            }
        }
        throw new IllegalStateException("no free port pair in 23790-23799");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    String clientUrl() {
        return "http://" + clientHosts.get(0) + ":" + clientPort;
    }

    EtcdServer start(boolean enableV2) throws Exception {
        Files.createDirectories(dir);
        String peer = "http://" + clientHosts.get(0) + ":" + peerPort;
        String clients = String.join(",", clientHosts.stream().map(h -> "http://" + h + ":" + clientPort).toList());
        List<String> argv = new ArrayList<>();
        if (netns != null) {
            argv.addAll(List.of("ip", "netns", "exec", netns));
        }
        argv.addAll(List.of(requireEtcd().toString(), "--name", "olt", "--data-dir", dir.resolve("data").toString(),
                "--listen-client-urls", clients, "--advertise-client-urls", clientUrl(),
                "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
                "--initial-cluster", "olt=" + peer, "--enable-v2=" + enableV2, "--log-level", "warn"));
        process = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(dir.resolve("etcd.log").toFile()).start();
        return this;
    }

    /** Waits (bounded) until /health answers true, probing through {@code url} (e.g. an SSH forward). */
    void awaitHealthy(String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int attempt = 0; attempt < 300 && System.nanoTime() < deadline; attempt++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("etcd exited: " + Files.readString(dir.resolve("etcd.log")));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("true")) {
                    return;
                }
            } catch (IOException notYet) {
                // poll again
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("etcd not healthy at " + url + ": " + Files.readString(dir.resolve("etcd.log")));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
