package dev.overlaylab.model;

import java.util.Map;
import java.util.Optional;

/**
 * flanneld and the network config it reads from etcd.
 *
 * @param version   flannel release, e.g. {@code 0.28.9}; ≤ 0.17 reads its config through etcd's v2 API
 * @param network   the overlay range, e.g. {@code 10.1.0.0/16}
 * @param subnetLen prefix length of each node's lease, 24 by default
 * @param subnetMin first subnet flannel may lease, if limited
 * @param subnetMax last subnet flannel may lease, if limited
 * @param backend   udp, vxlan or host-gw with its options
 * @param iface     interface flanneld binds to; empty means the profile's host-only NIC
 * @param ipMasq    flanneld {@code --ip-masq}
 * @param binary    where the flanneld binary comes from
 */
public record FlannelSettings(
        String version,
        String network,
        int subnetLen,
        Optional<String> subnetMin,
        Optional<String> subnetMax,
        Backend backend,
        Optional<String> iface,
        boolean ipMasq,
        BinarySource binary) {

    /** Backend type and its options exactly as flannel names them (e.g. {@code DirectRouting}, {@code VNI}). */
    public record Backend(String type, Map<String, Object> options) {
        public Backend {
            options = Map.copyOf(options);
        }
    }

    /**
     * Where flanneld comes from: a release URL with its sha256 (online users) or a local file (offline labs).
     * Exactly one of {@code url} and {@code file} is present.
     */
    public record BinarySource(Optional<String> url, Optional<String> sha256, Optional<String> file) {
    }

    /** MTU of the NIC the overlay runs over: VirtualBox NICs and nspawn veths use 1500. */
    public static final int DEFAULT_LINK_MTU = 1500;

    /**
     * The MTU flannel gives the overlay (and writes as {@code FLANNEL_MTU}): the link MTU less the
     * encapsulation: udp 28 (seed 000's 1472), vxlan 50 (flannel's {@code MTU} option, when set, replaces
     * the link MTU as the size of the outgoing encapsulated packets), host-gw 0.
     */
    public int overlayMtu(int linkMtu) {
        return switch (backend.type()) {
            case "udp" -> linkMtu - 28;
            case "vxlan" -> (backend.options().get("MTU") instanceof Integer mtu ? mtu : linkMtu) - 50;
            default -> linkMtu;
        };
    }

    /** {@link #overlayMtu(int)} over a {@value #DEFAULT_LINK_MTU}-byte link. */
    public int overlayMtu() {
        return overlayMtu(DEFAULT_LINK_MTU);
    }

    /** True when this flannel version reads its config through etcd's v2 keys API (flannel ≤ 0.17). */
    public boolean usesEtcdV2() {
        String[] p = version.split("\\.");
        try {
            int major = Integer.parseInt(p[0]);
            int minor = p.length > 1 ? Integer.parseInt(p[1]) : 0;
            return major == 0 && minor <= 17;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public FlannelSettings withBackend(Backend b) {
        return new FlannelSettings(version, network, subnetLen, subnetMin, subnetMax, b, iface, ipMasq, binary);
    }
}
