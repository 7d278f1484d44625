package dev.overlaylab.verify;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.ssh.LocalForward;
import dev.overlaylab.ssh.NodeShell;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A node's shell with at most {@code limit} commands in flight: each command is an SSH session on the node's one
 * connection, and OpenSSH refuses more than 10 at once (MaxSessions). Lets the verifier's pool grow with the
 * lab without any node seeing more than its share.
 */
final class BoundedShell implements NodeShell {
    static final int PER_NODE = 6;
    private final NodeShell shell;
    private final Semaphore slots;

    BoundedShell(NodeShell shell, int limit) {
        this.shell = shell;
        this.slots = new Semaphore(limit, true);
    }

    @Override
    public String nodeName() {
        return shell.nodeName();
    }

    @Override
    public ExecResult exec(String command, Duration timeout) {
        try {
            if (!slots.tryAcquire(timeout.toMillis() + 30_000, TimeUnit.MILLISECONDS)) {
                return new ExecResult(List.of("sh", "-c", command), 124, "", "no free session to " + nodeName() + " in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ExecResult(List.of("sh", "-c", command), 130, "", "interrupted");
        }
        try {
            return shell.exec(command, timeout);
        } finally {
            slots.release();
        }
    }

    @Override
    public Optional<byte[]> read(String absolutePath) {
        return shell.read(absolutePath);
    }

    @Override
    public void write(String absolutePath, byte[] content, int mode, String owner) {
        shell.write(absolutePath, content, mode, owner);
    }

    @Override
    public LocalForward forward(String remoteHost, int remotePort) {
        return shell.forward(remoteHost, remotePort);
    }

    /** The caller of the verifier owns the connection; nothing to close here. */
    @Override
    public void close() {
    }
}
