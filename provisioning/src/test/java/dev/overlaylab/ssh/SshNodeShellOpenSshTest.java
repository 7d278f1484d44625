package dev.overlaylab.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.SshEndpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSH layer against a real OpenSSH sshd on loopback (port range 22200-22299). */
@Tag("integration")
class SshNodeShellOpenSshTest {
    @TempDir(factory = OltTempDir.class)
    Path tmp;

    private OpenSshServer sshd;
    private LabKeys keys;
    private KnownHostsStore knownHosts;
    private final List<String> firstKeys = new CopyOnWriteArrayList<>();
    private SshConnector connector;
    private SshEndpoint endpoint;

    @BeforeEach
    void startSshd() throws Exception {
        OpenSshServer.requirePrereqs();
        keys = LabKeys.in(tmp.resolve("data/labs/t"), "overlay-lab:t");
        knownHosts = new KnownHostsStore(tmp.resolve("data/known_hosts"));
        connector = new SshConnector(knownHosts, keys,
                (node, hostPort, type, fp) -> firstKeys.add(node + " " + hostPort + " " + type + " " + fp), SshTimeouts.defaults());
        int port = OpenSshServer.freePort(22200 + (int) (ProcessHandle.current().pid() % 50));
        sshd = new OpenSshServer(tmp.resolve("sshd"), "127.0.0.1", port, null).start(keys.publicKeyLine());
        endpoint = SshEndpoint.of("127.0.0.1", port, "root");
    }

    @AfterEach
    void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void execReportsExitCodeStdoutAndStderrSeparately() {
        try (SshNodeShell shell = connector.connect("node1", endpoint)) {
            ExecResult r = shell.exec("echo out; echo err >&2; exit 7");
            assertThat(r.exitCode()).isEqualTo(7);
            assertThat(r.stdout()).isEqualTo("out\n");
            assertThat(r.stderr()).isEqualTo("err\n");
            assertThat(r.commandLine()).contains("node1");

            ExecResult ok = shell.exec("id -un");
            assertThat(ok.ok()).isTrue();
            assertThat(ok.stdout().strip()).isEqualTo("root");
        }
    }

    @Test
    void oneConnectionServesManyCommandsAndStdinIsClosed() throws Exception {
        try (SshNodeShell shell = connector.connect("node1", endpoint)) {
            // Nagle off: with it on, every exec waited ~40 ms for sshd's delayed ACK
            assertThat(shell.sendsAtOnce()).isTrue();
            for (int i = 0; i < 20; i++) {
                assertThat(shell.exec("echo " + i).stdout()).isEqualTo(i + "\n");
            }
            // cat would wait forever if stdin stayed open
            assertThat(shell.exec("cat", Duration.ofSeconds(5)).exitCode()).isZero();
        }
    }

    @Test
    void moreCommandsAtOnceThanSshdsMaxSessionsWaitForAFreeSessionInsteadOfFailing() throws Exception {
        // sshd's default MaxSessions is 10: the other 4 are refused ("open failed") until one ends (0.3 s later)
        try (SshNodeShell shell = connector.connect("node1", endpoint)) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(14);
            try {
                List<java.util.concurrent.Future<ExecResult>> runs = new java.util.ArrayList<>();
                for (int i = 0; i < 14; i++) {
                    int n = i;
                    runs.add(pool.submit(() -> shell.exec("sleep 0.3; echo run " + n)));
                }
                for (int i = 0; i < 14; i++) {
                    ExecResult r = runs.get(i).get();
                    assertThat(r.ok()).as("run %d: %s", i, r.stderr()).isTrue();
                    assertThat(r.stdout()).isEqualTo("run " + i + "\n");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void commandOverItsTimeoutStopsWithTypedError() {
        try (SshNodeShell shell = connector.connect("node1", endpoint)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> shell.exec("sleep 30", Duration.ofMillis(700)))
                    .isInstanceOf(SshTimeoutException.class)
                    .hasMessageContaining("node1").hasMessageContaining("sleep 30").hasMessageContaining("did not finish");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(shell.exec("echo still usable").stdout()).isEqualTo("still usable\n");
        }
    }

    @Test
    void writeIsAtomicWithModeAndOwnerAndCreatesFolders() throws Exception {
        Path target = tmp.resolve("remote/etc/flannel/options.env");
        try (SshNodeShell shell = connector.connect("node1", endpoint)) {
            byte[] big = "x".repeat(200_000).getBytes(StandardCharsets.UTF_8);
            shell.write(target.toString(), big, 0640, "root:root");
            assertThat(Files.readAllBytes(target)).isEqualTo(big);
            shell.write(target.toString(), "FLANNEL_ETCD=1\n".getBytes(StandardCharsets.UTF_8), 0600, "nobody");

            assertThat(Files.readString(target)).isEqualTo("FLANNEL_ETCD=1\n");
            assertThat(shell.exec("stat -c '%a %U' " + target).stdout().strip()).isEqualTo("600 nobody");
            // nothing left behind: no temporary upload beside the file
            try (var listing = Files.list(target.getParent())) {
                assertThat(listing.map(p -> p.getFileName().toString()).toList()).containsExactly("options.env");
            }
            assertThat(shell.read(target.toString())).hasValueSatisfying(b -> assertThat(new String(b)).isEqualTo("FLANNEL_ETCD=1\n"));
            assertThat(shell.read(tmp.resolve("remote/absent").toString())).isEqualTo(Optional.empty());
        }
    }

    @Test
    void aFileLargerThanTheStdinLimitGoesOverSftpWithTheSameResult() throws Exception {
        Path target = tmp.resolve("remote/usr/local/bin/flanneld");
        byte[] binary = new byte[SshFiles.STDIN_WRITE_MAX + 70_001];
        new java.util.Random(7).nextBytes(binary);
        try (SshNodeShell shell = connector.connect("node1", endpoint)) {
            shell.write(target.toString(), binary, 0755, "root:root");
            shell.write(target.resolveSibling("small").toString(), new byte[] {0, (byte) 0xff, '\n'}, 0600, "root:root");
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(binary);
        assertThat(Files.readAllBytes(target.resolveSibling("small"))).isEqualTo(new byte[] {0, (byte) 0xff, '\n'});
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rwxr-xr-x");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target.getParent()))).isEqualTo("rwxr-xr-x");
        try (var listing = Files.list(target.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder("flanneld", "small");
        }
    }

    @Test
    void writeWithUnknownOwnerFailsAndLeavesTargetUntouched() throws Exception {
        Path target = tmp.resolve("remote/keep.conf");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old\n");
        try (SshNodeShell shell = connector.connect("node1", endpoint)) {
            assertThatThrownBy(() -> shell.write(target.toString(), "new\n".getBytes(), 0644, "no-such-user-olab"))
                    .isInstanceOf(SshException.class).hasMessageContaining("no-such-user-olab").hasMessageContaining(target.toString());
        }
        assertThat(Files.readString(target)).isEqualTo("old\n");
        try (var listing = Files.list(target.getParent())) {
            assertThat(listing.toList()).hasSize(1);
        }
    }

    @Test
    void sudoPathWritesAndReadsThroughSudo() throws Exception {
        // A login user that needs sudo: here root with the sudo flag, which runs the same commands
        // (upload to /tmp, then cp/chmod/chown/mv and base64 reads, all under `sudo -n`).
        dev.overlaylab.testsupport.Prereq.requireProgram("sudo");
        SshEndpoint viaSudo = new SshEndpoint("127.0.0.1", sshd.port(), "root", Optional.empty(), true);
        Path target = tmp.resolve("remote-sudo/etc/docker/daemon.json");
        byte[] content = "{\"bip\": \"10.1.35.1/24\"}\n\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        try (SshNodeShell shell = connector.connect("node1", viaSudo)) {
            assertThat(shell.exec("id -u; echo $SUDO_USER").stdout()).isEqualTo("0\nroot\n");
            shell.write(target.toString(), content, 0644, "nobody:nogroup");
            assertThat(Files.readAllBytes(target)).isEqualTo(content);
            assertThat(shell.exec("stat -c '%a %U:%G' " + target).stdout().strip()).isEqualTo("644 nobody:nogroup");
            assertThat(shell.read(target.toString())).hasValueSatisfying(b -> assertThat(b).isEqualTo(content));
            assertThat(shell.read(target + ".absent")).isEmpty();
            assertThat(shell.exec("ls -a /tmp | grep -c olab-upload || true").stdout().strip()).isEqualTo("0");
        }
    }

    @Test
    void closingAForwardAlsoClosesTheConnectionsItCarries() throws Exception {
        // a client that keeps its connection alive (HttpURLConnection does, for etcd) must not keep the forward's
        // copying thread in a native read: the JVM's exit waits for such threads
        try (java.net.ServerSocket target = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             SshNodeShell shell = connector.connect("node1", endpoint)) {
            LocalForward forward = shell.forward("127.0.0.1", target.getLocalPort());
            try (java.net.Socket client = new java.net.Socket("127.0.0.1", forward.localPort());
                 java.net.Socket far = target.accept()) {
                client.getOutputStream().write("hi\n".getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                assertThat(far.getInputStream().readNBytes(3)).isEqualTo("hi\n".getBytes(StandardCharsets.US_ASCII));
                client.setSoTimeout(5000);
                long t0 = System.nanoTime();
                forward.close();
                int read;
                try {
                    read = client.getInputStream().read();
                } catch (java.net.SocketException reset) {
                    read = -1;
                }
                assertThat(read).isEqualTo(-1);
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
            }
        }
    }

    @Test
    void parallelCommandsShareOneConnection() throws Exception {
        try (SshNodeShell shell = connector.connect("node1", endpoint)) {
            List<java.util.concurrent.CompletableFuture<String>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                runs.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> shell.exec("sleep 0.3; echo " + n).stdout()));
            }
            for (int i = 0; i < 6; i++) {
                assertThat(runs.get(i).get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(i + "\n");
            }
        }
    }

    @Test
    void firstHostKeyIsRecordedAndReportedOnce() throws Exception {
        String fingerprint = sshd.hostKeyFingerprint();
        try (SshNodeShell shell = connector.connect("node1", endpoint)) {
            shell.exec("true");
        }
        try (SshNodeShell again = connector.connect("node1", endpoint)) {
            again.exec("true");
        }
        assertThat(firstKeys).containsExactly("node1 127.0.0.1:" + sshd.port() + " ssh-ed25519 " + fingerprint);
        assertThat(Files.readString(knownHosts.file())).startsWith("[127.0.0.1]:" + sshd.port() + " ssh-ed25519 AAAA");
        // the file is a real known_hosts: OpenSSH's own tool finds the entry
        assertThat(OpenSshServer.run(List.of("ssh-keygen", "-F", "[127.0.0.1]:" + sshd.port(), "-f", knownHosts.file().toString())))
                .contains("ssh-ed25519");
    }

    @Test
    void changedHostKeyStopsWithBothFingerprints() throws Exception {
        String oldFp = sshd.hostKeyFingerprint();
        try (SshNodeShell shell = connector.connect("node1", endpoint)) {
            shell.exec("true");
        }
        sshd.stop();
        sshd.newHostKey();
        sshd.start(keys.publicKeyLine());
        String newFp = sshd.hostKeyFingerprint();
        assertThat(newFp).isNotEqualTo(oldFp);

        assertThatThrownBy(() -> connector.connect("node1", endpoint))
                .isInstanceOfSatisfying(HostKeyChangedException.class, e -> {
                    assertThat(e.oldFingerprint()).isEqualTo(oldFp);
                    assertThat(e.newFingerprint()).isEqualTo(newFp);
                })
                .hasMessageContaining("node1").hasMessageContaining("127.0.0.1:" + sshd.port())
                .hasMessageContaining(oldFp).hasMessageContaining(newFp)
                .hasMessageContaining("ssh-keygen -R '[127.0.0.1]:" + sshd.port() + "'");
        // the recorded key is not silently replaced
        assertThat(knownHosts.lookup("127.0.0.1", sshd.port())).singleElement()
                .satisfies(e -> assertThat(e.fingerprint()).isEqualTo(oldFp));

        // following the advice works: forget, then the new key is recorded
        OpenSshServer.run(List.of("ssh-keygen", "-R", "[127.0.0.1]:" + sshd.port(), "-f", knownHosts.file().toString()));
        try (SshNodeShell shell = connector.connect("node1", endpoint)) {
            assertThat(shell.exec("true").ok()).isTrue();
        }
        assertThat(knownHosts.lookup("127.0.0.1", sshd.port())).singleElement()
                .satisfies(e -> assertThat(e.fingerprint()).isEqualTo(newFp));
    }

    @Test
    void refusedKeyNamesUserAndKey() throws Exception {
        LabKeys other = LabKeys.in(tmp.resolve("data/labs/other"), "overlay-lab:other");
        SshConnector wrongKey = new SshConnector(knownHosts, other, HostKeyListener.NONE, SshTimeouts.defaults());
        assertThatThrownBy(() -> wrongKey.connect("node1", endpoint))
                .isInstanceOf(SshAuthException.class)
                .hasMessageContaining("node1").hasMessageContaining("login as 'root' refused")
                .hasMessageContaining(other.privateKey().toString()).hasMessageContaining("authorized_keys");
    }

    @Test
    void nothingListeningIsConnectRefused() throws Exception {
        int port = sshd.port();
        sshd.stop();
        assertThatThrownBy(() -> connector.connect("node1", SshEndpoint.of("127.0.0.1", port, "root")))
                .isInstanceOf(SshConnectException.class).hasMessageContaining("connection refused")
                .hasMessageContaining("127.0.0.1:" + port);
    }

    @Test
    void waitForSshReturnsOnceSshdComesUpAndCountsDown() throws Exception {
        sshd.stop();
        List<Duration> countdown = new CopyOnWriteArrayList<>();
        Thread starter = new Thread(() -> {
            try {
                Thread.sleep(1500); // simulates a node still booting: sshd appears later
                sshd.start(keys.publicKeyLine());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        starter.start();
        try (SshNodeShell shell = connector.waitForSsh("node1", endpoint, Duration.ofSeconds(20),
                (node, hp, left, problem) -> countdown.add(left))) {
            assertThat(shell.exec("true").ok()).isTrue();
        } finally {
            starter.join(15_000);
        }
        assertThat(countdown).isNotEmpty().isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void waitForSshGivesUpAfterItsTimeout() throws Exception {
        sshd.stop();
        long start = System.nanoTime();
        assertThatThrownBy(() -> connector.waitForSsh("node1", endpoint, Duration.ofSeconds(2), WaitProgress.NONE))
                .isInstanceOf(SshTimeoutException.class).hasMessageContaining("SSH did not answer").hasMessageContaining("of at most 2 s")
                .hasMessageContaining("last problem: Connection refused");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void labKeyIsOpenSshFormatAndPrivate() throws Exception {
        assertThat(Files.getPosixFilePermissions(keys.privateKey())).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        // OpenSSH derives the same public key from our private key file
        String derived = OpenSshServer.run(List.of("ssh-keygen", "-y", "-f", keys.privateKey().toString())).strip();
        assertThat(keys.publicKeyLine()).startsWith(derived.split(" ")[0] + " " + derived.split(" ")[1]);
        String lf = OpenSshServer.run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", keys.publicKeyFile().toString()));
        assertThat(lf.split("\\s+")[1]).isEqualTo(keys.fingerprint());
        // a second LabKeys for the same folder reuses the pair
        assertThat(LabKeys.in(keys.privateKey().getParent(), "x").publicKeyLine()).isEqualTo(keys.publicKeyLine());
    }
}
