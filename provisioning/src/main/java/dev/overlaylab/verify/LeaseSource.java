package dev.overlaylab.verify;

import dev.overlaylab.etcd.EtcdPort;
import dev.overlaylab.etcd.Lease;
import java.util.List;
import java.util.function.Supplier;

/** Where the verifier reads flannel's leases from: the lab's etcd port, or a test's list. */
@FunctionalInterface
public interface LeaseSource {

    /**
     * The current leases.
     *
     * @throws LeaseReadException when etcd cannot be read; the message names the endpoint and the error
     */
    List<Lease> leases();

    /** The leases through the lab's etcd port (opened when first asked); any failure becomes a {@link LeaseReadException}. */
    static LeaseSource of(Supplier<EtcdPort> etcd) {
        return () -> {
            try {
                return etcd.get().leases();
            } catch (RuntimeException e) {
                throw new LeaseReadException("could not read leases from etcd: " + e.getMessage(),
                        Evidence.note(String.valueOf(e.getMessage())));
            }
        };
    }

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
