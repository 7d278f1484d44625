package dev.overlaylab.provider.virtualbox;

/**
 * VirtualBox 7.2: as 7.1 for our commands. 7.2.0 broke NAT networking when a second forwarding
 * rule was added to a running VM (fixed in a later 7.2 maintenance release); this provider only ever adds the one ssh rule,
 * before the VM starts.
 */
public class VBoxDriver72 extends VBoxDriver71 {
    public VBoxDriver72(VBoxManage vbox, VBoxVersion version, HostOs os) {
        super(vbox, version, os);
    }
}
