package dev.overlaylab.etcd;

import dev.overlaylab.model.EtcdSettings.EtcdApi;
import dev.overlaylab.model.Lab;
import dev.overlaylab.ssh.NodeShell;
import java.util.List;
import java.util.Optional;

/**
 * What Overlay Lab needs from etcd, over whichever API the lab's flannel reads: the network config
 * with compare-and-set, the subnet leases, health. Two adapters: jetcd / the v2 HTTP gateway through
 * an SSH local forward ({@link EtcdPorts#throughForward}), and etcdctl run on the master over its
 * shell ({@link EtcdctlPort}); the composition picks one with {@link EtcdTransport}. Both decide
 * writes in {@link ConfigCompareAndSet}.
 *
 * <p>One instance per lab run, closed when done; every call is bounded by a timeout and throws
 * {@link EtcdException} when etcd cannot be read. A read that fails is never taken for "absent".
 */
public interface EtcdPort extends AutoCloseable {

    /** Which etcd API this port speaks: {@link EtcdApi#V3} for flannel ≥ 0.18, {@link EtcdApi#V2} for older. Never AUTO. */
    EtcdApi api();

    /** For people: where etcd is and how it is reached, e.g. "127.0.0.1:2379 via ssh to master". */
    String endpoint();

    EtcdKeys keys();

    /** The value at {@code <prefix>/config}, empty only when etcd says the key does not exist. */
    Optional<String> readConfig();

    /**
     * Writes the flannel network config with compare-and-set. Absent: created. Same JSON (ignoring
     * spacing and key order): nothing done. Different: {@link ConfigConflictException} showing both,
     * unless {@code force}, which overwrites exactly the version that was read (a concurrent writer
     * still makes it fail).
     */
    ConfigWrite writeConfig(String json, boolean force);

    /** Every lease under {@code <prefix>/subnets/}, in key order. */
    List<Lease> leases();

    /** The lease of one subnet ({@code 10.1.35.0/24}), if flanneld holds it. */
    default Optional<Lease> lease(String subnet) {
        return leases().stream().filter(l -> l.subnet().equals(subnet)).findFirst();
    }

    /** Whether etcd answers, with its version where the API tells it. Never throws for a down etcd. */
    Health health();

    @Override
    void close();

    /** Whether two network configs are the same JSON (key order and spacing do not count). */
    static boolean sameConfig(String a, String b) {
        return Json.same(a, b);
    }

    /** Opens the lab's port through the connected master (for a port forward, or to run etcdctl on it). */
    @FunctionalInterface
    interface Factory {
        EtcdPort open(Lab lab, NodeShell master);
    }

    /**
     * What {@link #writeConfig} did.
     *
     * @param change   created, unchanged or overwritten
     * @param previous the value read before the write; empty when the key was absent
     */
    record ConfigWrite(Change change, Optional<String> previous) {
        public enum Change {
            CREATED, UNCHANGED, OVERWRITTEN
        }

        static ConfigWrite created() {
            return new ConfigWrite(Change.CREATED, Optional.empty());
        }
    }

    /**
     * @param healthy whether etcd answered a read in time
     * @param version server version, empty when unknown
     * @param detail  for people: what was checked, or why it failed
     */
    record Health(boolean healthy, String version, String detail) {
    }

    /** Same JSON document? Compares parsed values so spacing and key order do not count. */
    static boolean sameJson(String a, String b) {
        return Json.same(a, b);
    }
}
