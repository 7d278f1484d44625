package dev.overlaylab.ssh;

import dev.overlaylab.exec.ExecResult;
import java.time.Duration;
import java.util.Optional;

/**
 * A connected node: run commands, read and write files. The engine's steps talk to nodes only through
 * this; the sshj implementation reuses one connection per node. Privileged work runs as root (through
 * {@code sudo -n} where the login user is not root).
 */
public interface NodeShell extends AutoCloseable {

    /** The node name this shell talks to. */
    String nodeName();

    /** Runs a shell command line as root and returns its result whatever the exit code. */
    ExecResult exec(String command, Duration timeout);

    default ExecResult exec(String command) {
        return exec(command, Duration.ofSeconds(60));
    }

    /** The content of a file, or empty if it does not exist. */
    Optional<byte[]> read(String absolutePath);

    /**
     * Writes a file atomically: uploads to a temporary name beside it, sets mode and owner, renames.
     * Creates parent folders.
     */
    void write(String absolutePath, byte[] content, int mode, String owner);

    /**
     * A port on this machine's 127.0.0.1 whose connections are carried over this node's connection to
     * {@code remoteHost:remotePort} as the node sees it (how etcd is reached with the
     * {@code FORWARD} transport). Only a shell that holds such a connection can: the sshj one does;
     * a shell without one says so instead of pretending.
     */
    default LocalForward forward(String remoteHost, int remotePort) {
        throw new UnsupportedOperationException("the shell of " + nodeName() + " (" + getClass().getSimpleName()
                + ") cannot forward ports; reach etcd with the etcdctl transport instead");
    }

    @Override
    void close();
}
