package dev.overlaylab.ssh;

/** A connect, login, command or transfer took longer than its explicit limit. */
public class SshTimeoutException extends SshException {
    public SshTimeoutException(String node, String hostPort, String what, String fix, Throwable cause) {
        super(node, hostPort, what, fix, cause);
    }
}
