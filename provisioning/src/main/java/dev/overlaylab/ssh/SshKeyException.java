package dev.overlaylab.ssh;

/**
 * The private key to log in with cannot be used: the file is missing, unreadable or not a key this
 * program reads. Not an {@link SshAuthException}: the server was never asked, and installing the lab
 * key with a password (what the hosts provider does on a refused login) would not help.
 */
public class SshKeyException extends SshException {
    /** Why the key cannot be used, for callers that say it in their own words (the app). */
    public enum Reason {
        MISSING, UNREADABLE, NOT_A_KEY,
        /** No key was named and the lab's own pair has not been made yet (only its first provisioning makes it). */
        NO_LAB_KEY
    }

    private final Reason reason;
    private final String keyFile;

    public SshKeyException(String node, String hostPort, Reason reason, String keyFile, String what, String fix, Throwable cause) {
        super(node, hostPort, what, fix, cause);
        this.reason = reason;
        this.keyFile = keyFile;
    }

    public Reason reason() {
        return reason;
    }

    /** The key file as it was named; empty for {@link Reason#NO_LAB_KEY}. */
    public String keyFile() {
        return keyFile;
    }
}
