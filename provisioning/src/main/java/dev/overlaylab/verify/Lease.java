package dev.overlaylab.verify;

/**
 * One flannel subnet lease as stored in etcd under {@code <prefix>/subnets/}.
 *
 * @param subnet      the leased subnet, e.g. {@code 10.1.35.0/24} (from the key {@code 10.1.35.0-24})
 * @param publicIp    the address flanneld registered for the node (its {@code --iface} address)
 * @param backendType {@code vxlan}, {@code udp}, {@code host-gw}
 */
public record Lease(String subnet, String publicIp, String backendType) {
}
