package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.Cidr;
import dev.overlaylab.provider.virtualbox.VBoxManage.Retry;
import dev.overlaylab.provider.virtualbox.parse.GuestProperties;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists;
import dev.overlaylab.provider.virtualbox.parse.VmInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the provider asks of VirtualBox, for one VirtualBox version. The argv builders are
 * separate from running them so the dry-run plan prints exactly what {@code up} runs. Subclasses
 * change only what differs between versions (see each one's comment).
 */
public abstract class VBoxDriver {
    static final Duration LONG = Duration.ofMinutes(30);
    private static final Pattern CREATED = Pattern.compile("Interface '(.+?)' was successfully created");

    protected final VBoxManage vbox;
    protected final VBoxVersion version;
    protected final HostOs os;

    protected VBoxDriver(VBoxManage vbox, VBoxVersion version, HostOs os) {
        this.vbox = vbox;
        this.version = version;
        this.os = os;
    }

    public VBoxVersion version() {
        return version;
    }

    public HostOs hostOs() {
        return os;
    }

    public VBoxManage vboxManage() {
        return vbox;
    }

    // ---- what differs by version -------------------------------------------------------------

    /**
     * Whether this VirtualBox version has host-only networks ({@code hostonlynet}, 7.0+) at all. They
     * exist only in the macOS build: the real 7.2 on Linux answers {@code list hostonlynets} with
     * exit 2 {@code Unknown subcommand "hostonlynets"} and {@code hostonlynet add} with
     * {@code Invalid command 'hostonlynet'}, so everything that runs them asks {@link #usesHostOnlyNetworks()}.
     */
    public abstract boolean supportsHostOnlyNetworks();

    /** macOS hosts on VirtualBox 7 must use host-only networks: host-only interfaces are gone there. */
    public boolean usesHostOnlyNetworks() {
        return supportsHostOnlyNetworks() && os == HostOs.MACOS;
    }

    // ---- argv (without the program) ----------------------------------------------------------

    public List<String> importArgs(String applianceFile, String vmName) {
        return List.of("import", applianceFile, "--vsys", "0", "--vmname", vmName);
    }

    /** A linked clone from {@code snapshot} when there is one (seconds, no disk copy), else a full clone. */
    public List<String> cloneArgs(String baseVm, Optional<String> snapshot, String vmName) {
        List<String> a = new ArrayList<>(List.of("clonevm", baseVm));
        snapshot.ifPresent(s -> a.addAll(List.of("--snapshot", s, "--options", "link")));
        a.addAll(List.of("--name", vmName, "--register"));
        return a;
    }

    public List<String> resourcesArgs(String vm, int memoryMb, int cpus) {
        return List.of("modifyvm", vm, "--memory", Integer.toString(memoryMb), "--cpus", Integer.toString(cpus));
    }

    public List<String> natArgs(String vm, int sshPort) {
        return List.of("modifyvm", vm, "--nic1", "nat", "--natpf1", sshRule(sshPort));
    }

    public List<String> deleteNatRuleArgs(String vm, String rule) {
        return List.of("modifyvm", vm, "--natpf1", "delete", rule);
    }

    public static String sshRule(int port) {
        return "ssh,tcp,127.0.0.1," + port + ",,22";
    }

    public List<String> hostOnlyAdapterArgs(String vm, String hostOnlyIf) {
        return List.of("modifyvm", vm, "--nic2", "hostonly", "--hostonlyadapter2", hostOnlyIf, "--cableconnected2", "on");
    }

    public List<String> hostOnlyNetArgs(String vm, String network) {
        requireHostOnlyNetworks();
        return List.of("modifyvm", vm, "--nic2", "hostonlynet", "--host-only-net2", network, "--cableconnected2", "on");
    }

    public List<String> hostOnlyIfCreateArgs() {
        return List.of("hostonlyif", "create");
    }

    public List<String> hostOnlyIfIpconfigArgs(String iface, String ip, String netmask) {
        return List.of("hostonlyif", "ipconfig", iface, "--ip", ip, "--netmask", netmask);
    }

    public List<String> hostOnlyIfRemoveArgs(String iface) {
        return List.of("hostonlyif", "remove", iface);
    }

    /**
     * The guests use static addresses, so the network's DHCP range is pinned to its first address
     * (lower = upper = the network address); macOS gives the host the {@code .1} address.
     */
    public List<String> hostOnlyNetAddArgs(String name, Cidr net) {
        requireHostOnlyNetworks();
        return List.of("hostonlynet", "add", "--name", name, "--netmask", net.netmask(),
                "--lower-ip", net.normalized().ip(), "--upper-ip", net.normalized().ip(), "--enable");
    }

    public List<String> hostOnlyNetRemoveArgs(String name) {
        requireHostOnlyNetworks();
        return List.of("hostonlynet", "remove", "--name", name);
    }

    public List<String> startArgs(String vm) {
        return List.of("startvm", vm, "--type", "headless");
    }

    public List<String> acpiPowerButtonArgs(String vm) {
        return List.of("controlvm", vm, "acpipowerbutton");
    }

    public List<String> powerOffArgs(String vm) {
        return List.of("controlvm", vm, "poweroff");
    }

    public List<String> unregisterArgs(String vm) {
        return List.of("unregistervm", vm, "--delete");
    }

    public List<String> snapshotTakeArgs(String vm, String snapshot) {
        return List.of("snapshot", vm, "take", snapshot);
    }

    public List<String> snapshotRestoreArgs(String vm, String snapshot) {
        return List.of("snapshot", vm, "restore", snapshot);
    }

    public List<String> showVmInfoArgs(String vm) {
        return List.of("showvminfo", vm, "--machinereadable");
    }

    // ---- reads --------------------------------------------------------------------------------

    public List<VBoxLists.VmRef> listVms() {
        return VBoxLists.vms(vbox.run(List.of("list", "vms")).stdout());
    }

    public List<VBoxLists.VmRef> listRunningVms() {
        return VBoxLists.vms(vbox.run(List.of("list", "runningvms")).stdout());
    }

    /** The VM's settings and state, or empty when no VM of that name is registered. */
    public Optional<VmInfo> vmInfo(String vm) {
        try {
            return Optional.of(VmInfo.parse(vbox.run(showVmInfoArgs(vm)).stdout()));
        } catch (VBoxManageException e) {
            if (e.objectNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public List<VBoxLists.HostOnlyIf> hostOnlyIfs() {
        return VBoxLists.hostOnlyIfs(vbox.run(List.of("list", "hostonlyifs")).stdout());
    }

    /** Host-only networks (VirtualBox 7 on macOS); empty everywhere else, where the command does not exist. */
    public List<VBoxLists.HostOnlyNet> hostOnlyNets() {
        if (!usesHostOnlyNetworks()) {
            return List.of();
        }
        return VBoxLists.hostOnlyNets(vbox.run(List.of("list", "hostonlynets")).stdout());
    }

    public List<VBoxLists.BridgedIf> bridgedIfs() {
        return VBoxLists.bridgedIfs(vbox.run(List.of("list", "bridgedifs")).stdout());
    }

    public VBoxLists.HostInfo hostInfo() {
        return VBoxLists.hostInfo(vbox.run(List.of("list", "hostinfo")).stdout());
    }

    public GuestProperties guestProperties(String vm) {
        return GuestProperties.parse(vbox.run(List.of("guestproperty", "enumerate", vm)).stdout());
    }

    // ---- changes ------------------------------------------------------------------------------

    /** Runs a state-changing command; the VM-locking ones are retried on lock errors. */
    public ExecResult change(List<String> args) {
        String cmd = args.get(0);
        boolean long_ = cmd.equals("import") || cmd.equals("clonevm") || cmd.equals("snapshot") || cmd.equals("unregistervm");
        boolean locks = switch (cmd) {
            case "modifyvm", "startvm", "controlvm", "snapshot", "unregistervm", "clonevm" -> true;
            default -> false;
        };
        return vbox.run(args, locks ? Retry.ON_LOCK : Retry.NEVER, long_ ? LONG : VBoxManage.DEFAULT_TIMEOUT);
    }

    /** Creates a host-only interface and returns the name VirtualBox gave it (vboxnetN). */
    public String createHostOnlyIf() {
        ExecResult r = change(hostOnlyIfCreateArgs());
        Matcher m = CREATED.matcher(r.stdout() + "\n" + r.stderr());
        if (!m.find()) {
            throw new VBoxManageException(r, "VBoxManage did not say which interface it created; run 'VBoxManage list hostonlyifs'");
        }
        return m.group(1);
    }

    private void requireHostOnlyNetworks() {
        if (!supportsHostOnlyNetworks()) {
            throw new UnsupportedOperationException("host-only networks need VirtualBox 7.0 or newer; this is " + version);
        }
        if (os != HostOs.MACOS) {
            throw new UnsupportedOperationException("host-only networks exist only in VirtualBox 7 on macOS; on "
                    + os + " VBoxManage has no 'hostonlynet' command (use host-only interfaces, 'hostonlyif')");
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + version + ", " + os + ")";
    }
}
