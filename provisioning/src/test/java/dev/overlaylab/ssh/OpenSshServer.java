package dev.overlaylab.ssh;

import dev.overlaylab.exec.Wait;
import dev.overlaylab.testsupport.Prereq;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH sshd started by a test: its own host key (ssh-keygen) and config in a temp folder,
 * listening on one address/port, root login with keys only, no PAM. Optionally inside a network
 * namespace ({@code ip netns exec}). Stopped by its PID.
 */
public final class OpenSshServer implements AutoCloseable {
    private final Path dir;
    private final String address;
    private final int port;
    private final String netns;
    private Process process;

    public OpenSshServer(Path dir, String address, int port, String netns) {
        this.dir = dir;
        this.address = address;
        this.port = port;
        this.netns = netns;
    }

    public static void requirePrereqs() {
        Prereq.requireRoot();
        Prereq.requireProgram("/usr/sbin/sshd");
        Prereq.requireProgram("ssh-keygen");
    }

    /** A free port of this helper's range 22200-22299 on loopback. */
    static int freePort(int from) {
        for (int p = from; p < 22300; p++) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress("127.0.0.1", p));
                return p;
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IllegalStateException("no free port in 22200-22299");
    }

    Path hostKeyPub() {
        return dir.resolve("ssh_host_ed25519_key.pub");
    }

    Path authorizedKeys() {
        return dir.resolve("authorized_keys");
    }

    int port() {
        return port;
    }

    /** (Re)generates the host key: a rebuilt machine. */
    void newHostKey() throws Exception {
        Files.deleteIfExists(dir.resolve("ssh_host_ed25519_key"));
        Files.deleteIfExists(hostKeyPub());
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("ssh_host_ed25519_key").toString()));
    }

    /** The fingerprint ssh-keygen prints for the host key, e.g. SHA256:abc... */
    public String hostKeyFingerprint() throws Exception {
        return run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", hostKeyPub().toString())).split("\\s+")[1];
    }

    public OpenSshServer start(String authorizedKeyLine) throws Exception {
        Files.createDirectories(dir);
        if (!Files.exists(hostKeyPub())) {
            newHostKey();
        }
        Files.writeString(authorizedKeys(), authorizedKeyLine + "\n");
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "ListenAddress " + address,
                "Port " + port,
                "HostKey " + dir.resolve("ssh_host_ed25519_key"),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + authorizedKeys(),
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "Subsystem sftp internal-sftp",
                "AllowTcpForwarding yes",
                "") );
        // Debian's sshd refuses to start without its privilege separation folder.
        Files.createDirectories(Path.of("/run/sshd"));
        List<String> argv = new ArrayList<>();
        if (netns != null) {
            argv.addAll(List.of("ip", "netns", "exec", netns));
        }
        argv.addAll(List.of("/usr/sbin/sshd", "-D", "-e", "-f", config.toString()));
        process = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        awaitBanner();
        return this;
    }

    private void awaitBanner() throws Exception {
        Wait.Outcome<String> w = Wait.until("SSH banner of the test sshd on " + address + ":" + port)
                .timeout(Duration.ofSeconds(10)).interval(Duration.ofMillis(50))
                .stopWhenNot(process::isAlive, "sshd exited")
                .check(SshBanner.probe(address, port, Duration.ofMillis(500), Duration.ofSeconds(1)));
        if (!w.ready()) {
            throw new IllegalStateException(w.failure() + "; sshd.log: " + Files.readString(dir.resolve("sshd.log")));
        }
    }

    /** Stops sshd and the session processes it forked, by their PIDs, and waits for them. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            dev.overlaylab.testsupport.ProcessTree.stop(process, java.time.Duration.ofSeconds(5));
        }
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    static String run(List<String> argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed: " + out);
        }
        return out;
    }
}
