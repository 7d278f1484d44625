package dev.overlaylab.diagnose;

import java.util.Arrays;
import java.util.Optional;

/**
 * The rows of FAILURE-MODES.md with their stable ids: what {@code verify --json} and {@code diagnose --json}
 * print, what scripts match on, and what practice mode names. A row's number may move when the table is
 * reordered; its id never changes.
 */
public enum FailureMode {
    NAT_IFACE(1, "nat-iface"),
    MTU_MISMATCH(2, "mtu-mismatch"),
    CIDR_OVERLAP(3, "cidr-overlap"),
    FORWARD_DROP(4, "forward-drop"),
    ETCD_LOCALHOST(5, "etcd-localhost"),
    ETCD_API_MISMATCH(6, "etcd-api-mismatch"),
    DOCKER_BEFORE_FLANNEL(7, "docker-before-flannel"),
    STALE_LEASE(8, "stale-lease"),
    BACKEND_PORT_BLOCKED(9, "backend-port-blocked"),
    VBOX_HOSTONLY_RANGE(10, "vbox-hostonly-range"),
    VXLAN_OFFLOAD(11, "vxlan-offload"),
    HOSTGW_NOT_L2(12, "hostgw-not-l2"),
    FLANNELD_DOWN(13, "flanneld-down"),
    IP_FORWARD_OFF(14, "ip-forward-off"),
    CLUSTERIP_UNREACHABLE(15, "clusterip-unreachable");

    /** The id of the one finding that says no catalogued cause fits the failed checks. */
    public static final String UNEXPLAINED = "unexplained";

    private final int row;
    private final String id;

    FailureMode(int row, String id) {
        this.row = row;
        this.id = id;
    }

    public int row() {
        return row;
    }

    public String id() {
        return id;
    }

    public static FailureMode ofRow(int row) {
        return Arrays.stream(values()).filter(m -> m.row == row).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("FAILURE-MODES.md has no row " + row));
    }

    public static Optional<FailureMode> ofId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
