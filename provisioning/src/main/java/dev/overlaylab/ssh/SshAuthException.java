package dev.overlaylab.ssh;

/** The server answered but refused our login (the key or password named in the message). */
public class SshAuthException extends SshException {
    public SshAuthException(String node, String hostPort, String what, String fix, Throwable cause) {
        super(node, hostPort, what, fix, cause);
    }
}
