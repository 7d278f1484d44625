package dev.overlaylab.provider.virtualbox;

/**
 * VirtualBox 7.1: the commands this provider uses behave as in 7.0 (7.1's changes — Arm hosts,
 * the platform settings — do not touch import, modifyvm NIC options, hostonlyif/hostonlynet or
 * snapshots). Kept as its own driver so a difference found later has one place to go.
 */
public class VBoxDriver71 extends VBoxDriver70 {
    public VBoxDriver71(VBoxManage vbox, VBoxVersion version, HostOs os) {
        super(vbox, version, os);
    }
}
