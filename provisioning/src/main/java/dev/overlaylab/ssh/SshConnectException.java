package dev.overlaylab.ssh;

/** The TCP connection or the SSH handshake did not come up (refused, unreachable, no SSH banner). */
public class SshConnectException extends SshException {
    public SshConnectException(String node, String hostPort, String what, String fix, Throwable cause) {
        super(node, hostPort, what, fix, cause);
    }
}
