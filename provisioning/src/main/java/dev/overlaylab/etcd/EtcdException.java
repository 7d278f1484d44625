package dev.overlaylab.etcd;

/** etcd could not be reached, did not answer in time, or answered with an error. */
public class EtcdException extends RuntimeException {

    public EtcdException(String endpoint, String what, String fix, Throwable cause) {
        super("etcd at " + endpoint + ": " + what
                + (cause != null && cause.getMessage() != null ? "\n  cause: " + cause.getMessage() : "")
                + (fix == null ? "" : "\n  fix: " + fix), cause);
    }
}
