package dev.overlaylab.provider.local;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.model.Node;
import dev.overlaylab.ssh.NodeShell;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Test-only NodeShell over the OpenSSH client with strict host key checking against a given known_hosts. */
final class CliSshShell implements NodeShell {
    private final Node node;
    private final Path knownHosts;
    private final Path key;
    private final ProcessRunner runner = new ProcessRunner();

    CliSshShell(Node node, Path key, Path knownHosts) {
        this.node = node;
        this.key = key;
        this.knownHosts = knownHosts;
    }

    @Override
    public String nodeName() {
        return node.name();
    }

    @Override
    public ExecResult exec(String command, Duration timeout) {
        return runner.run(List.of("ssh", "-i", node.ssh().keyFile().orElse(key.toString()), "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "ConnectTimeout=5", "-p", Integer.toString(node.ssh().port()),
                node.ssh().user() + "@" + node.ssh().host(), command), timeout);
    }

    @Override
    public Optional<byte[]> read(String absolutePath) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public void write(String absolutePath, byte[] content, int mode, String owner) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public void close() {
    }
}
