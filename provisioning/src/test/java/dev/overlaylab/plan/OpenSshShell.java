package dev.overlaylab.plan;

import dev.overlaylab.exec.Commands;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ExecRunner;
import dev.overlaylab.ssh.NodeShell;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A test-only {@link NodeShell} over the OpenSSH client ({@code ssh} through {@link ExecRunner}),
 * with strict host-key checking against a known_hosts file the test wrote. It lets the engine's
 * integration test talk to a real sshd before the sshj layer is wired in; the product uses the sshj shell.
 */
final class OpenSshShell implements NodeShell {
    private final ExecRunner runner;
    private final String name;
    private final String host;
    private final int port;
    private final Path key;
    private final Path knownHosts;

    OpenSshShell(ExecRunner runner, String name, String host, int port, Path key, Path knownHosts) {
        this.runner = runner;
        this.name = name;
        this.host = host;
        this.port = port;
        this.key = key;
        this.knownHosts = knownHosts;
    }

    private List<String> ssh(String command) {
        List<String> argv = new ArrayList<>(List.of("ssh", "-p", String.valueOf(port), "-i", key.toString(),
                "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "ConnectTimeout=5", "-o", "LogLevel=ERROR",
                // one connection per node, reused by every command (as the sshj shell does)
                "-o", "ControlMaster=auto", "-o", "ControlPath=" + knownHosts.getParent().resolve("cm-%C"), "-o", "ControlPersist=30",
                "root@" + host, command));
        return argv;
    }

    @Override
    public String nodeName() {
        return name;
    }

    @Override
    public ExecResult exec(String command, Duration timeout) {
        ExecResult r = runner.run(ssh(command), timeout);
        if (r.exitCode() == 255) {
            // ssh's own failure (refused, host key, timeout), not the remote command's
            throw new IllegalStateException("ssh to " + name + " (" + host + ":" + port + ") failed: " + r.stderr().strip());
        }
        return r;
    }

    @Override
    public Optional<byte[]> read(String absolutePath) {
        ExecResult r = exec("test -e " + Commands.quote(absolutePath) + " || exit 3; base64 -w0 " + Commands.quote(absolutePath),
                Duration.ofSeconds(30));
        if (r.exitCode() == 3) {
            return Optional.empty();
        }
        r.orThrow();
        return Optional.of(Base64.getDecoder().decode(r.stdout().strip()));
    }

    @Override
    public void write(String absolutePath, byte[] content, int mode, String owner) {
        String p = Commands.quote(absolutePath);
        String tmp = Commands.quote(absolutePath + ".olab-tmp");
        String dir = Commands.quote(Path.of(absolutePath).getParent().toString());
        exec("mkdir -p " + dir + " && echo " + Base64.getEncoder().encodeToString(content) + " | base64 -d > " + tmp
                + " && chmod " + Integer.toOctalString(mode) + " " + tmp + " && chown " + Commands.quote(owner) + " " + tmp
                + " && mv -f " + tmp + " " + p, Duration.ofSeconds(30)).orThrow();
    }

    /** Ends the shared connection, as closing the sshj client does. */
    @Override
    public void close() {
        runner.run(List.of("ssh", "-o", "ControlPath=" + knownHosts.getParent().resolve("cm-%C"), "-p", String.valueOf(port),
                "-O", "exit", "root@" + host), Duration.ofSeconds(10));
    }
}
