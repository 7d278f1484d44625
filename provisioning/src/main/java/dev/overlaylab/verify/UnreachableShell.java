package dev.overlaylab.verify;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.ssh.NodeShell;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Stands in for a node that could not be reached: every command fails with the connection error as evidence. */
final class UnreachableShell implements NodeShell {
    private final String node;
    private final String error;

    UnreachableShell(String node, String error) {
        this.node = node;
        this.error = error;
    }

    @Override
    public String nodeName() {
        return node;
    }

    @Override
    public ExecResult exec(String command, Duration timeout) {
        return new ExecResult(List.of("sh", "-c", command), 255, "", Unreachable.line(node, error));
    }

    @Override
    public Optional<byte[]> read(String absolutePath) {
        return Optional.empty();
    }

    @Override
    public void write(String absolutePath, byte[] content, int mode, String owner) {
        throw new IllegalStateException(Unreachable.line(node, error));
    }

    @Override
    public void close() {
    }
}
