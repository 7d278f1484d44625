package dev.overlaylab.model;

/**
 * The host-only network the nodes share (VirtualBox host-only adapter, or the local provider's bridge).
 *
 * @param cidr   e.g. {@code 192.168.56.0/24}
 * @param hostIp the host's own address on it, {@code .1} by default
 */
public record HostNetwork(String cidr, String hostIp) {
}
