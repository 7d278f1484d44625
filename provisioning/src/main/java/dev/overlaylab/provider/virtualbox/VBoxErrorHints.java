package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.AllowedRanges;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The VBoxManage failures people meet most, each mapped to one line of cause and its fix. The texts
 * matched are real: triggered on VirtualBox 7.2.22 (Debian sid, no kernel modules) where this machine
 * can, else as recorded in Vagrant, minikube and VirtualBox issue threads (each rule says which).
 * What the text alone cannot tell (is the kernel driver there? what does networks.conf allow?) comes
 * from the host's facts in {@link Host}.
 */
public final class VBoxErrorHints {
    private static final Pattern IP_ARG = Pattern.compile("--ip\\s(\\S+)");
    private static final Pattern SETTINGS_EXISTS = Pattern.compile("Machine settings file '([^']+)' already exists");
    private static final Pattern OVA_MISSING = Pattern.compile("Error opening the OVA file '([^']+)' \\(VERR_FILE_NOT_FOUND\\)");

    /**
     * What a failure is judged against.
     *
     * @param os      the host OS
     * @param drivers the kernel drivers' state (Linux)
     * @param ranges  the host-only ranges VirtualBox allows here
     */
    record Host(HostOs os, KernelDrivers drivers, AllowedRanges ranges) {
        static Host of(HostOs os) {
            return new Host(os, KernelDrivers.loaded(os), AllowedRanges.defaults());
        }
    }

    private VBoxErrorHints() {
    }

    /**
     * The same rules for VirtualBox reached another way (its web service, {@code virtualbox-ws}): the
     * VBoxManage subcommand the call corresponds to (e.g. {@code startvm}), VirtualBox's text, and what
     * is known of that host.
     */
    public static Optional<VBoxError> explain(String subcommand, String text, HostOs os, KernelDrivers drivers) {
        return explain(new ExecResult(List.of("VBoxManage", subcommand), 1, "", text), new Host(os, drivers, AllowedRanges.defaults()));
    }

    static Optional<VBoxError> explain(ExecResult r, Host host) {
        String err = r.stderr() + "\n" + r.stdout();
        List<String> argv = r.argv();
        String sub = argv.size() > 1 ? argv.get(1) : "";
        if (sub.equals("hostonlyif") && argv.contains("ipconfig") && err.contains("E_ACCESSDENIED")) {
            // 7.2.22, recorded here: "Code E_ACCESSDENIED (0x80070005) - Access denied" at EnableStaticIPConfig
            return Optional.of(rangeRefused(argv, host.ranges()));
        }
        if (err.contains("/dev/vboxnetctl") || err.contains("Kernel driver not installed")
                || err.contains("VERR_VM_DRIVER_NOT_INSTALLED") || drivers(host, sub, err)) {
            return Optional.of(kernelDrivers(host));
        }
        if (host.os() == HostOs.WINDOWS && (err.contains("Failed to create the host-only adapter")
                || err.contains("VERR_INTNET_FLT_IF_NOT_FOUND"))) {
            // vagrant #6059, #10396, drupal-vm #1716 (create); metasploitable3 #429 (start: VERR_INTNET_FLT_IF_NOT_FOUND)
            return Optional.of(new VBoxError("VirtualBox's host-only network driver on Windows is broken or disabled",
                    "repair VirtualBox's networking: run the VirtualBox installer as administrator and choose Repair, or in"
                            + " Control Panel > Network Connections open 'VirtualBox Host-Only Ethernet Adapter' and tick"
                            + " 'VirtualBox NDIS6 Bridged Networking Driver'; reboot, then run again"));
        }
        if (err.contains("VERR_VMX_NO_VMX") || err.contains("VERR_VMX_MSR_ALL_VMX_DISABLED")
                || err.contains("VERR_SVM_DISABLED") || err.contains("VERR_SVM_NO_SVM")) {
            // vagrant #10056, minikube #9595 (VT-x); minikube #7074 (AMD-V)
            return Optional.of(new VBoxError("the CPU's hardware virtualisation (VT-x/AMD-V) is off, missing, or taken by"
                    + " another hypervisor", "enable VT-x/AMD-V (SVM) in the firmware setup; on Windows turn off Hyper-V"
                    + " ('bcdedit /set hypervisorlaunchtype off', reboot); inside a VM, enable nested virtualisation;"
                    + " on Linux unload KVM ('sudo modprobe -r kvm_intel kvm_amd')"));
        }
        if (err.contains("VERR_NEM_NOT_AVAILABLE") || err.contains("VERR_NEM_VM_CREATE_FAILED")
                || err.contains("VERR_NEM_MISSING_KERNEL_API") || err.contains("VERR_SUPDRV_NO_RAW_MODE_HYPER_V_ROOT")
                || err.contains("VERR_VMX_IN_VMX_ROOT_MODE")) {
            // minikube #5280 and #4587 (VERR_NEM_VM_CREATE_FAILED), #5585 (VERR_NEM_MISSING_KERNEL_API)
            return Optional.of(new VBoxError("another hypervisor holds VT-x/AMD-V (Hyper-V, WSL2 or Windows Sandbox on"
                    + " Windows; KVM on Linux), so VirtualBox cannot run VMs with it",
                    "Windows: turn off Hyper-V, Virtual Machine Platform, Windows Sandbox and Core isolation > Memory"
                            + " integrity, run 'bcdedit /set hypervisorlaunchtype off' as administrator and reboot;"
                            + " Linux: 'sudo modprobe -r kvm_intel kvm_amd' while VirtualBox runs"));
        }
        if (err.contains("is already locked") || (err.contains("VBOX_E_INVALID_OBJECT_STATE") && err.contains("LockMachine"))) {
            // packer #184, ansible-for-devops #581 ("is already locked by a session (or being locked or unlocked)")
            return Optional.of(new VBoxError("another VirtualBox session holds the VM (its window in VirtualBox, or a"
                    + " command still running)", "close the VM's window or wait for the other command to end, then run"
                    + " again; 'VBoxManage list runningvms' shows what runs"));
        }
        Matcher exists = SETTINGS_EXISTS.matcher(err);
        if (exists.find()) {
            // 7.2.22, recorded here: createvm/clonevm onto a name whose folder exists (VBOX_E_FILE_ERROR)
            return Optional.of(new VBoxError("a VM folder of that name already exists: " + exists.group(1),
                    "if it is a VM you no longer need: 'VBoxManage unregistervm NAME --delete' when it is registered,"
                            + " else delete that folder; or give the lab another name"));
        }
        if (err.contains("because a hard disk") && err.contains("already exists")) {
            return Optional.of(new VBoxError("the appliance's disk is already registered (same UUID) from an earlier import",
                    "'VBoxManage list hdds' shows it; remove it with 'VBoxManage closemedium disk UUID' if no VM uses it"));
        }
        Optional<VBoxError> appliance = appliance(err);
        if (appliance.isPresent()) {
            return appliance;
        }
        if (err.contains("Failed to create the VirtualBox object")) {
            // 7.2.22, seen here while several programs used one VirtualBox (VBoxManage retried it 4 times first)
            return Optional.of(new VBoxError("VBoxManage could not reach VirtualBox's service (VBoxSVC): it did not start,"
                    + " or kept stopping", "run again; if it persists, VBoxSVC's own log says why:"
                    + " ~/.config/VirtualBox/VBoxSVC.log (Windows: %USERPROFILE%\\.VirtualBox\\VBoxSVC.log)"));
        }
        if (err.contains("is not currently running")) {
            // 7.2.22, recorded here: controlvm on a stopped VM
            return Optional.of(new VBoxError("the VM is not running", "nothing to do for a stopped VM; 'olab resume LAB' starts it"));
        }
        if (err.contains("VBOX_E_OBJECT_NOT_FOUND") || err.contains("Could not find a registered machine")) {
            return Optional.of(new VBoxError("no such VM is registered", "'VBoxManage list vms' shows the ones that are;"
                    + " 'olab up LAB' creates the lab's"));
        }
        if (err.contains("VERR_NO_MEMORY") || err.contains("VERR_NO_LOW_MEMORY")) {
            return Optional.of(new VBoxError("the host ran out of memory for the VM",
                    "lower the profile's memory or stop other VMs, then run again"));
        }
        return Optional.empty();
    }

    /** A VM start that died on a Linux host without /dev/vboxdrv: 7.2 says only "terminated unexpectedly". */
    private static boolean drivers(Host host, String sub, String err) {
        boolean start = sub.equals("startvm") && err.contains("has terminated unexpectedly during startup");
        boolean create = sub.equals("hostonlyif") && err.contains("Failed to create the host-only adapter");
        return (start || create) && !host.drivers().allLoaded();
    }

    private static VBoxError kernelDrivers(Host host) {
        return switch (host.os()) {
            // dziemba/mobymac #2, docksal #1622: the kext is blocked until allowed; "/dev/vboxnetctl" and rc=-1908 follow
            case MACOS -> new VBoxError("VirtualBox's kernel extension is not loaded: macOS blocks it until you allow it",
                    "System Settings > Privacy & Security: allow system software from 'Oracle America, Inc.', restart"
                            + " the Mac, then run again (if no Allow button shows, reinstall VirtualBox and look again)");
            case WINDOWS -> new VBoxError("VirtualBox's kernel driver (VBoxSup) is not installed or not running",
                    "run the VirtualBox installer as administrator and choose Repair, then reboot");
            default -> new VBoxError(host.drivers().cause().orElse("VirtualBox's kernel drivers are not loaded"),
                    host.drivers().fix());
        };
    }

    private static VBoxError rangeRefused(List<String> argv, AllowedRanges ranges) {
        Matcher m = IP_ARG.matcher(String.join(" ", argv));
        String ip = m.find() ? m.group(1) : "the address";
        return new VBoxError("VirtualBox refused the host-only address " + ip + " (E_ACCESSDENIED): it is outside the"
                + " ranges VirtualBox allows on this host, " + ranges.describe() + " (FAILURE-MODES #10)",
                ranges.fixFor(ip + "/24"));
    }

    private static Optional<VBoxError> appliance(String err) {
        if (!err.contains("Appliance read failed") && !err.contains("Appliance import failed")) {
            return Optional.empty();
        }
        Matcher missing = OVA_MISSING.matcher(err);
        if (missing.find()) {
            // 7.2.22, recorded here
            return Optional.of(new VBoxError("the appliance " + missing.group(1) + " does not exist",
                    "check the profile's box (or the path next to the lab file), or fetch the image again"));
        }
        if (err.contains("VERR_TAR_") || err.contains("Premature end of data") || err.contains("VERR_EOF")) {
            // 7.2.22, recorded here: a file that is no tar (VERR_TAR_UNEXPECTED_EOS), an OVA cut short ("Premature end of data")
            return Optional.of(new VBoxError("the appliance is damaged or incomplete (an interrupted download?)",
                    "download it again and compare its sha256 with the publisher's, then run again"));
        }
        if (err.contains("VERR_DISK_FULL") || err.contains("No space left")) {
            return Optional.of(new VBoxError("the disk holding the VMs is full",
                    "free space in VirtualBox's machine folder ('VBoxManage list systemproperties': Default machine folder)"));
        }
        return Optional.of(new VBoxError("VirtualBox could not read the appliance",
                "check that the file is an .ova/.ovf VirtualBox can import ('VBoxManage import FILE --dry-run' shows why)"));
    }
}
