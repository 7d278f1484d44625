package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.exec.ExecResult;

/** Recognises VBoxManage failures people meet often and says what fixes them. */
final class VBoxErrorHints {
    private VBoxErrorHints() {
    }

    static String hintFor(ExecResult r) {
        String err = r.stderr() + "\n" + r.stdout();
        boolean ipconfig = r.argv().contains("ipconfig") || err.contains("EnableStaticIPConfig");
        if (err.contains("not within the allowed ranges")
                || (ipconfig && err.contains("E_ACCESSDENIED"))) {
            return "VirtualBox 6.1.28 and newer only allow host-only addresses in 192.168.56.0/21 on Linux and macOS "
                    + "(FAILURE-MODES #10). Choose a lab network inside 192.168.56.0/21 (e.g. 192.168.56.0/24), "
                    + "or allow yours with a line such as '* 10.0.0.0/8 192.168.0.0/16' in /etc/vbox/networks.conf "
                    + "(create the file as root), then run again.";
        }
        if (err.contains("VERR_INTNET_FLT_IF_NOT_FOUND")) {
            return "the host-only adapter's driver is missing or disabled on the host; on Windows re-enable the "
                    + "'VirtualBox Host-Only Ethernet Adapter' in the network settings or reinstall VirtualBox's networking.";
        }
        if (err.contains("VERR_VMX_NO_VMX") || err.contains("VERR_SVM_DISABLED") || err.contains("VT-x is not available")) {
            return "hardware virtualisation is off or taken by another hypervisor; enable VT-x/AMD-V in the firmware "
                    + "and turn off Hyper-V/KVM while VirtualBox runs.";
        }
        if (err.contains("vboxdrv") || err.contains("kernel driver not installed") || err.contains("/dev/vboxnetctl")) {
            return "the VirtualBox kernel module is not loaded; run 'sudo /sbin/vboxconfig' (Linux) or allow "
                    + "Oracle's system extension in System Settings (macOS), then try again.";
        }
        if (err.contains("is already locked") || err.contains("VBOX_E_INVALID_OBJECT_STATE")) {
            return "the VM is busy with another VirtualBox session (a GUI window or an earlier command); close it or "
                    + "wait a few seconds and run again.";
        }
        if (err.contains("VBOX_E_OBJECT_NOT_FOUND") || err.contains("Could not find a registered machine")) {
            return "no such VM is registered; 'VBoxManage list vms' shows the ones that are.";
        }
        if (err.contains("VERR_NO_MEMORY") || err.contains("VERR_NO_LOW_MEMORY")) {
            return "the host ran out of memory for the VM; lower the profile's memory or stop other VMs.";
        }
        return null;
    }
}
