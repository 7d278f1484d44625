package dev.overlaylab.engine.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.overlaylab.engine.steps.FlannelBinaryStep;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.testsupport.Prereq;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The download VirtualBox and existing-host nodes run for the Kubernetes binaries, run here by the real
 * sh, curl and sha256sum against a loopback HTTP server (the JDK's) that plays the release folder.
 * The "binaries" are small stand-ins: what is checked is the script, not Kubernetes.
 */
class KubeBinariesDownloadTest {
    @TempDir
    Path tmp;
    private HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger binaryGets = new AtomicInteger();
    private String url;

    @BeforeEach
    void serve() throws Exception {
        Prereq.requireProgram("curl");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/release", ex -> {
            String name = ex.getRequestURI().getPath().substring("/release/".length());
            byte[] body = files.get(name);
            if (!name.equals("SHA256SUMS")) {
                binaryGets.incrementAndGet();
            }
            ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/release";
        put("kubelet", "kubelet v1.37.2 stand-in\n");
        put("kube-proxy", "kube-proxy v1.37.2 stand-in\n");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void put(String name, String content) {
        files.put(name, content.getBytes(StandardCharsets.UTF_8));
        StringBuilder sums = new StringBuilder();
        files.keySet().stream().filter(n -> !n.equals("SHA256SUMS")).sorted()
                .forEach(n -> sums.append(FlannelBinaryStep.sha256(files.get(n))).append("  ").append(n).append('\n'));
        files.put("SHA256SUMS", sums.toString().getBytes(StandardCharsets.UTF_8));
    }

    private ExecResult run(Optional<String> pin) {
        String script = KubeBinaries.downloadScript(url, pin, List.of("kubelet", "kube-proxy"), tmp.resolve("bin").toString(),
                tmp.resolve("marks").toString());
        return new ProcessRunner().run(List.of("sh", "-c", script), Duration.ofSeconds(60));
    }

    @Test
    void downloadsCheckedBinariesOnceAndNothingTheSecondTime() throws Exception {
        String pin = FlannelBinaryStep.sha256(files.get("SHA256SUMS"));
        ExecResult first = run(Optional.of(pin));
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stdout()).contains("fetched kubelet", "fetched kube-proxy");
        assertThat(Files.readString(tmp.resolve("bin/kubelet"))).isEqualTo("kubelet v1.37.2 stand-in\n");
        assertThat(Files.isExecutable(tmp.resolve("bin/kube-proxy"))).isTrue();
        assertThat(Files.readString(tmp.resolve("marks/kubelet.sha256"))).startsWith(FlannelBinaryStep.sha256(files.get("kubelet")) + " ");

        int gets = binaryGets.get();
        ExecResult second = run(Optional.of(pin));
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stdout()).isBlank();
        assertThat(binaryGets.get()).as("no binary downloaded again").isEqualTo(gets);
    }

    @Test
    void aNewReleaseReplacesOnlyWhatChanged() {
        assertThat(run(Optional.empty()).exitCode()).isZero();
        put("kubelet", "kubelet v1.37.3 stand-in\n");
        ExecResult r = run(Optional.empty());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout().strip()).isEqualTo("fetched kubelet");
    }

    @Test
    void aSumsFileThatIsNotThePinnedOneIsRefusedBeforeAnyBinary() {
        ExecResult r = run(Optional.of("0".repeat(64)));
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.stderr()).contains("SHA256SUMS from " + url, "the lab pins " + "0".repeat(64), "kubernetes.binaries.sha256");
        assertThat(binaryGets.get()).isZero();
        assertThat(tmp.resolve("bin/kubelet")).doesNotExist();
    }

    @Test
    void aBinaryThatDoesNotMatchItsSumIsNotInstalled() throws Exception {
        assertThat(run(Optional.empty()).exitCode()).isZero();
        byte[] sums = files.get("SHA256SUMS");
        put("kubelet", "kubelet v1.37.3 stand-in\n");
        files.put("kubelet", "tampered\n".getBytes(StandardCharsets.UTF_8));   // the server's sums say v1.37.3
        ExecResult r = run(Optional.empty());
        assertThat(r.exitCode()).isEqualTo(7);
        assertThat(r.stderr()).contains("kubelet from " + url + " has sha256 " + FlannelBinaryStep.sha256("tampered\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(tmp.resolve("bin/kubelet"))).as("the old one stays").isEqualTo("kubelet v1.37.2 stand-in\n");
        assertThat(sums).isNotEqualTo(files.get("SHA256SUMS"));
    }

    @Test
    void anUnreachableReleaseSaysSo() {
        server.stop(0);
        ExecResult r = run(Optional.empty());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stderr()).contains("cannot download " + url + "/SHA256SUMS");
    }
}
