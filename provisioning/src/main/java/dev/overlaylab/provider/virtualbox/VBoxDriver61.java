package dev.overlaylab.provider.virtualbox;

/**
 * VirtualBox 6.1: host-only interfaces only ({@code hostonlyif}); from 6.1.28 their addresses are
 * limited to the allowed ranges; {@code guestproperty enumerate} prints {@code Name: …, value: …}.
 */
public class VBoxDriver61 extends VBoxDriver {
    public VBoxDriver61(VBoxManage vbox, VBoxVersion version, HostOs os) {
        super(vbox, version, os);
    }

    @Override
    public boolean supportsHostOnlyNetworks() {
        return false;
    }
}
