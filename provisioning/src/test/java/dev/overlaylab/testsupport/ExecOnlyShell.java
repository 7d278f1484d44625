package dev.overlaylab.testsupport;

import dev.overlaylab.ssh.NodeShell;
import java.util.Optional;

/** A {@link NodeShell} double whose only behaviour is {@code exec}: reads find nothing, writes and close do nothing. */
public abstract class ExecOnlyShell implements NodeShell {
    private final String node;

    protected ExecOnlyShell(String node) {
        this.node = node;
    }

    @Override
    public String nodeName() {
        return node;
    }

    @Override
    public Optional<byte[]> read(String absolutePath) {
        return Optional.empty();
    }

    @Override
    public void write(String absolutePath, byte[] content, int mode, String owner) {
    }

    @Override
    public void close() {
    }
}
