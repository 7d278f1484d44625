package dev.overlaylab.provider.virtualbox;

/**
 * The host-only thing NIC2 of every lab VM attaches to.
 *
 * @param network true for a host-only network (VirtualBox 7 on macOS), false for a host-only interface
 * @param name    vboxnetN / the adapter name on Windows / the network name
 * @param created true when this run created it
 */
public record HostOnlyAttachment(boolean network, String name, boolean created) {
}
