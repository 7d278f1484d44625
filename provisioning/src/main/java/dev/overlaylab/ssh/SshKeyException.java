package dev.overlaylab.ssh;

/**
 * The private key to log in with cannot be used: the file is missing, unreadable or not a key this
 * program reads. Not an {@link SshAuthException}: the server was never asked, and installing the lab
 * key with a password (what the hosts provider does on a refused login) would not help.
 */
public class SshKeyException extends SshException {
    public SshKeyException(String node, String hostPort, String what, String fix, Throwable cause) {
        super(node, hostPort, what, fix, cause);
    }
}
