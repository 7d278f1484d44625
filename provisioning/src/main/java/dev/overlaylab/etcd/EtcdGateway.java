package dev.overlaylab.etcd;

import java.util.List;
import java.util.Optional;

/**
 * What Overlay Lab needs from etcd, over either API flannel may read: the network config with
 * compare-and-set, the subnet leases, health. One instance per lab, closed when done; every call is
 * bounded by the timeout given when it was opened and throws {@link EtcdException} on failure.
 */
public interface EtcdGateway extends AutoCloseable {

    /** Which etcd API this gateway speaks (v3 for flannel ≥ 0.18, v2 keys for older). */
    Api api();

    /** The URL dialled (through an SSH forward this is a 127.0.0.1 port on this machine). */
    String endpoint();

    EtcdKeys keys();

    /** The value at {@code <prefix>/config}, if any. */
    Optional<String> readConfig();

    /**
     * Writes the flannel network config with compare-and-set. Absent: created. Same JSON (ignoring
     * spacing and key order): nothing done. Different: {@link ConfigConflictException} showing both,
     * unless {@code force}, which overwrites exactly the value that was read (a concurrent writer
     * still makes it fail).
     */
    ConfigWrite writeConfig(String json, boolean force);

    /** Every lease under {@code <prefix>/subnets/}, in key order. */
    List<Lease> leases();

    /** Whether etcd answers, with its version where the API tells it. Never throws for a down etcd. */
    Health health();

    @Override
    void close();

    enum Api {
        V2, V3;

        /**
         * The API a lab uses: as set in the lab file, or for {@code AUTO} the one its flannel reads
         * (≤ 0.17: v2 keys API; later: v3). Versions may carry a leading {@code v}.
         */
        public static Api resolve(dev.overlaylab.model.EtcdSettings.EtcdApi setting, String flannelVersion) {
            return switch (setting) {
                case V2 -> V2;
                case V3 -> V3;
                case AUTO -> readsV2(flannelVersion) ? V2 : V3;
            };
        }

        static boolean readsV2(String flannelVersion) {
            String[] parts = flannelVersion.strip().replaceFirst("^v", "").split("[.-]");
            try {
                int major = Integer.parseInt(parts[0]);
                int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
                return major == 0 && minor <= 17;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("cannot tell the etcd API from flannel version '" + flannelVersion
                        + "'; write it like 0.28.9, or set etcd.api to v2 or v3", e);
            }
        }
    }

    /** What {@link #writeConfig} did. */
    enum ConfigWrite {
        CREATED, UNCHANGED, OVERWRITTEN
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
        try {
            return Json.parse(a).equals(Json.parse(b));
        } catch (IllegalArgumentException notJson) {
            return a.strip().equals(b.strip());
        }
    }
}
