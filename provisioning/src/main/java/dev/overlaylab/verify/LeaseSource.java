package dev.overlaylab.verify;

import java.util.List;

/** Where the verifier reads flannel's leases from (etcd, through whatever client the caller has). */
@FunctionalInterface
public interface LeaseSource {

    /**
     * The current leases.
     *
     * @throws LeaseReadException when etcd cannot be read; the message names the endpoint and the error
     */
    List<Lease> leases();

    /** etcd could not be read: the checks that need leases fail with this message as evidence. */
    class LeaseReadException extends RuntimeException {
        private final Evidence evidence;

        public LeaseReadException(String message, Evidence evidence) {
            super(message);
            this.evidence = evidence;
        }

        public Evidence evidence() {
            return evidence;
        }
    }
}
