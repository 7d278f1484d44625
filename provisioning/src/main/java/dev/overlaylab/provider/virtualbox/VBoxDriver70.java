package dev.overlaylab.provider.virtualbox;

/**
 * VirtualBox 7.0: adds host-only networks ({@code hostonlynet}), which macOS hosts must use;
 * {@code guestproperty enumerate} prints {@code /key = 'value' @ time flags}. 7.0.0 itself omits
 * the {@code Forwarding(n)} lines from {@code showvminfo} once a NIC has more than one rule, which
 * is why port choice also probes the port itself instead of trusting those lines alone.
 */
public class VBoxDriver70 extends VBoxDriver {
    public VBoxDriver70(VBoxManage vbox, VBoxVersion version, HostOs os) {
        super(vbox, version, os);
    }

    @Override
    public boolean supportsHostOnlyNetworks() {
        return true;
    }

    /** True for the one release whose {@code showvminfo} may hide forwarding rules. */
    public boolean hidesForwardingRules() {
        return version.atLeast(7, 0, 0) && !version.atLeast(7, 0, 1);
    }
}
