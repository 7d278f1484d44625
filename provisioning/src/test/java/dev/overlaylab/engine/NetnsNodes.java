package dev.overlaylab.engine;

import dev.overlaylab.exec.ExecRunner;
import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.testsupport.Prereq;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Two "nodes" for integration tests: network namespaces {@code olt-e1}/{@code olt-e2} at
 * 10.200.2.11/.12 on a bridge {@code olte-br} (host side 10.200.2.1), each running its own OpenSSH
 * sshd, and etcd in the first. The namespaces share this machine's filesystem and have no systemd,
 * so tests use them for SSH, etcd and file work only. Everything is removed by {@link #close()}.
 */
final class NetnsNodes implements AutoCloseable {
    static final String[] NS = {"olt-e1", "olt-e2"};
    static final String[] IP = {"10.200.2.11", "10.200.2.12"};
    static final int SSH_PORT = 22322;
    static final int ETCD_PORT = 22379;
    static final Duration T = Duration.ofSeconds(20);

    final ExecRunner run = new ProcessRunner();
    final Path dir;
    final Path knownHosts;
    dev.overlaylab.ssh.LabKeys labKeys;
    final java.util.List<String> firstKeys = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<Process> sshd = new ArrayList<>(List.of());
    Process etcd;

    NetnsNodes() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "olt-e-it");
        knownHosts = dir.resolve("known_hosts");
    }

    void start() throws Exception {
        Prereq.requireRoot();
        Prereq.requireProgram("/usr/sbin/sshd");
        Prereq.requireProgram("ssh");
        Prereq.requireProgram("etcd");
        Prereq.requireProgram("etcdctl");
        Prereq.requireProgram("ip");
        sh("ip link add olte-br type bridge && ip addr add 10.200.2.1/24 dev olte-br && ip link set olte-br up");
        for (int i = 0; i < 2; i++) {
            String n = String.valueOf(i + 1);
            sh("ip netns add " + NS[i]);
            sh("ip link add olte" + n + "h type veth peer name olte" + n + "n");
            sh("ip link set olte" + n + "h master olte-br up && ip link set olte" + n + "n netns " + NS[i]);
            sh("ip -n " + NS[i] + " link set lo up && ip -n " + NS[i] + " link set olte" + n + "n up"
                    + " && ip -n " + NS[i] + " addr add " + IP[i] + "/24 dev olte" + n + "n");
        }
        labKeys = dev.overlaylab.ssh.LabKeys.in(dir.resolve("keys"), "olab-it");
        Files.writeString(dir.resolve("authorized_keys"), labKeys.publicKeyLine() + "\n");
        sh("ssh-keygen -q -t ed25519 -N '' -f " + dir.resolve("host_key"));
        // sshd's privilege-separation folder; shared with any other sshd on the machine, so created, never removed
        Files.createDirectories(Path.of("/run/sshd"));
        for (int i = 0; i < 2; i++) {
            startSshd(i);
        }
        etcd = new ProcessBuilder("ip", "netns", "exec", NS[0], "etcd", "--name", "node1", "--data-dir", dir.resolve("etcd").toString(),
                "--listen-client-urls", "http://" + IP[0] + ":" + ETCD_PORT + ",http://127.0.0.1:" + ETCD_PORT,
                "--advertise-client-urls", "http://" + IP[0] + ":" + ETCD_PORT,
                "--listen-peer-urls", "http://127.0.0.1:22380", "--initial-advertise-peer-urls", "http://127.0.0.1:22380",
                "--initial-cluster", "node1=http://127.0.0.1:22380", "--enable-v2")
                .redirectErrorStream(true).redirectOutput(dir.resolve("etcd.log").toFile()).start();
    }

    void startSshd(int i) throws Exception {
        Path cfg = dir.resolve("sshd" + (i + 1) + ".conf");
        Files.writeString(cfg, String.join("\n",
                "ListenAddress " + IP[i] + ":" + SSH_PORT,
                "HostKey " + dir.resolve("host_key"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "UseDNS no",
                "Subsystem sftp internal-sftp",
                "StrictModes no",
                "PidFile " + dir.resolve("sshd" + (i + 1) + ".pid"),
                "") + "\n");
        Process p = new ProcessBuilder("ip", "netns", "exec", NS[i], "/usr/sbin/sshd", "-D", "-e", "-f", cfg.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd" + (i + 1) + ".log").toFile()).start();
        if (sshd.size() > i) {
            sshd.set(i, p);
        } else {
            sshd.add(p);
        }
    }

    void stopSshd(int i) throws InterruptedException {
        dev.overlaylab.testsupport.ProcessTree.stop(sshd.get(i), java.time.Duration.ofSeconds(10));
    }

    /** The product's SSH layer: sshj, the test's own known_hosts (first key recorded), the lab key. */
    dev.overlaylab.ssh.SshConnector connector() {
        return new dev.overlaylab.ssh.SshConnector(new dev.overlaylab.ssh.KnownHostsStore(knownHosts), labKeys,
                (node, hostPort, type, fingerprint) -> firstKeys.add(node + " " + hostPort), dev.overlaylab.ssh.SshTimeouts.defaults());
    }

    private void sh(String command) {
        run.check(List.of("sh", "-c", command), T);
    }

    @Override
    public void close() {
        List<Process> all = new ArrayList<>(sshd);
        if (etcd != null) {
            all.add(etcd);
        }
        for (Process p : all) {
            // ip netns exec execs the daemon itself, so this PID is the daemon's (and sshd's
            // sessions are its descendants)
            try {
                dev.overlaylab.testsupport.ProcessTree.stop(p, java.time.Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (String ns : NS) {
            run.run(List.of("ip", "netns", "del", ns), T);
        }
        run.run(List.of("ip", "link", "del", "olte-br"), T);
        run.run(List.of("ip", "link", "del", "olte1h"), T);
        run.run(List.of("ip", "link", "del", "olte2h"), T);
        run.run(List.of("rm", "-rf", dir.toString()), T);
    }
}
