package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profile;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.model.AllowedRanges;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.provider.Readiness;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists;
import dev.overlaylab.provider.virtualbox.parse.VmInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Nodes as VirtualBox VMs driven through VBoxManage: NIC1 NAT with an SSH forward on 127.0.0.1,
 * NIC2 on the lab's host-only network (the seeds' layout: enp0s3 NAT, enp0s8 host-only).
 * See docs/virtualbox.md.
 */
public final class VirtualBoxProvider implements Provider {
    public static final String ID = "virtualbox";

    private final VirtualBoxContext ctx;
    private VBoxDriver driver;

    public VirtualBoxProvider(VirtualBoxContext ctx) {
        this.ctx = ctx;
    }

    /** The provider on this machine, with the real runner; {@code login} may be {@link GuestLogin#NOT_WIRED}. */
    public static VirtualBoxProvider forThisMachine(Function<String, Profile> profiles, GuestLogin login) {
        return new VirtualBoxProvider(VirtualBoxContext.forThisMachine(new ProcessRunner(), profiles, login));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<String> unavailableReason() {
        try {
            driver();
            return Optional.empty();
        } catch (VirtualBoxUnavailableException | VBoxManageException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public Readiness readiness() {
        List<String> vmProfiles = Profiles.names().stream().filter(n -> !n.endsWith("-nspawn")).toList();
        return new VirtualBoxReadiness(ctx, this::driver, vmProfiles).check();
    }

    /** The driver for the installed VirtualBox, detected once. */
    public synchronized VBoxDriver driver() {
        if (driver == null) {
            VBoxManage vbox = ctx.newVBoxManage(ctx.locator().require().toString());
            driver = VBoxDrivers.detect(vbox, ctx.os());
        }
        return driver;
    }

    /** The driver when VirtualBox is installed and supported, else empty (for the dry run). */
    synchronized Optional<VBoxDriver> driverIfInstalled() {
        if (ctx.locator().find().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(driver());
    }

    @Override
    public List<String> plan(Lab lab) {
        try {
            return new VirtualBoxPlan(ctx, lab, ctx.profiles().apply(lab.profile())).lines(driverIfInstalled());
        } catch (VirtualBoxUnavailableException e) {
            // the dry run still shows the commands; up will stop with this same message
            String why = "VirtualBox here cannot be used (" + e.getMessage().lines().findFirst().orElse("") + ")";
            return new VirtualBoxPlan(ctx, lab, ctx.profiles().apply(lab.profile())).lines(Optional.empty(), why);
        }
    }

    @Override
    public List<Node> up(Lab lab, ProgressListener progress) {
        VBoxDriver d = driver();
        d.vboxManage().onNote(note -> progress.on(ProgressEvent.of(NodeMachine.STAGE, "", "VBoxManage", Status.PROGRESS, note)));
        Profile profile = ctx.profiles().apply(lab.profile());
        LabState state = LabState.load(ctx.settings().stateDir(), lab.name());
        List<String> registered = d.listVms().stream().map(VBoxLists.VmRef::name).toList();
        Set<String> running = new HashSet<>(d.listRunningVms().stream().map(VBoxLists.VmRef::name).toList());
        long toStart = lab.nodes().stream().filter(n -> !running.contains(VirtualBoxContext.vmName(lab, n))).count();
        if (toStart > 0) {
            preflight(d, lab, profile.memoryMb() * toStart);
        }
        HostOnlyAttachment hostOnly = HostOnlySetup.ensure(d, lab, state, progress);
        Set<Integer> taken = portsOfOtherVms(d, lab, registered, progress);
        NodeMachine machines = new NodeMachine(ctx, d, lab, profile, state);
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < lab.nodes().size(); i++) {
            ports.add(machines.ensureCreated(lab.nodes().get(i), i, hostOnly, taken, registered, progress));
        }
        for (Node n : lab.nodes()) {
            NodeMachine.ensureRunning(d, lab, n, progress);
        }
        return new SshReadiness(ctx, lab, profile).awaitAll(ports, progress);
    }

    @Override
    public List<Node> endpoints(Lab lab) {
        VBoxDriver d = driver();
        Profile profile = ctx.profiles().apply(lab.profile());
        List<Node> out = new ArrayList<>();
        for (Node n : lab.nodes()) {
            String vm = VirtualBoxContext.vmName(lab, n);
            VmInfo info = d.vmInfo(vm).orElseThrow(() -> new IllegalStateException(
                    "VM " + vm + " of node " + n.name() + " does not exist; run 'olab up' first"));
            int port = info.sshPort().orElseThrow(() -> new IllegalStateException(
                    "VM " + vm + " has no SSH forward to guest port 22; run 'olab up' to repair it"));
            out.add(new Node(n.name(), n.ip(), n.role(), SshReadiness.endpoint(ctx, profile, port)));
        }
        return out;
    }

    @Override
    public boolean downDestroysMachines() {
        return true;
    }

    @Override
    public void down(Lab lab, ProgressListener progress) {
        new VirtualBoxLifecycle(ctx, driver(), lab).down(progress);
    }

    @Override
    public List<dev.overlaylab.provider.Removal> downPreview(Lab lab) {
        return lifecycle(lab).removals();
    }

    @Override
    public dev.overlaylab.provider.Machines machines(Lab lab) {
        return lifecycle(lab).machines();
    }

    /** Starts the lab's stopped VMs and waits for SSH on each; returns the nodes with endpoints. */
    public List<Node> resume(Lab lab, ProgressListener progress) {
        lifecycle(lab).resume(progress);
        List<Integer> ports = endpoints(lab).stream().map(n -> n.ssh().port()).toList();
        return new SshReadiness(ctx, lab, ctx.profiles().apply(lab.profile())).awaitAll(ports, progress);
    }

    /** halt / snapshots for the CLI and the app. */
    public VirtualBoxLifecycle lifecycle(Lab lab) {
        return new VirtualBoxLifecycle(ctx, driver(), lab);
    }

    private void preflight(VBoxDriver d, Lab lab, long memoryNeededMb) {
        Set<String> hostOnlyNames = new HashSet<>();
        Cidr net = Cidr.parse(lab.network().cidr()).normalized();
        List<VBoxLists.BridgedIf> bridged = d.bridgedIfs();
        if (d.usesHostOnlyNetworks()) {
            // macOS + 7.x has no host-only interfaces; the host side of a host-only network shows up as a
            // bridgeNNN interface on its subnet, which is the network itself, not a conflict
            d.hostOnlyNets().forEach(h -> hostOnlyNames.add(h.name()));
            bridged = bridged.stream().filter(b -> !b.name().startsWith("bridge")).toList();
        } else {
            d.hostOnlyIfs().forEach(i -> hostOnlyNames.add(i.name()));
        }
        List<String> problems = new ArrayList<>(Preflight.kernelProblems(ctx.kernelDrivers(d.vboxManage().startupBanner())));
        Preflight.Input in = new Preflight.Input(net, d.version(), ctx.os(), d.usesHostOnlyNetworks(),
                AllowedRanges.read(ctx.settings().networksConf()), bridged, hostOnlyNames, d.hostInfo(), memoryNeededMb);
        problems.addAll(Preflight.problems(in));
        if (!problems.isEmpty()) {
            throw new VirtualBoxPreflightException(lab.name(), problems);
        }
    }

    private static Set<Integer> portsOfOtherVms(VBoxDriver d, Lab lab, List<String> registered, ProgressListener progress) {
        if (d instanceof VBoxDriver70 v && v.hidesForwardingRules()) {
            progress.on(ProgressEvent.of(NodeMachine.STAGE, "", "SSH ports", Status.PROGRESS, "VirtualBox 7.0.0 may hide other VMs'"
                    + " forwarding rules from showvminfo; each port is also probed on 127.0.0.1 before it is used"));
        }
        Set<String> ours = new HashSet<>();
        lab.nodes().forEach(n -> ours.add(VirtualBoxContext.vmName(lab, n)));
        Set<Integer> taken = new HashSet<>();
        for (String vm : registered) {
            if (!ours.contains(vm)) {
                d.vmInfo(vm).ifPresent(i -> i.forwards().forEach(f -> taken.add(f.hostPort())));
            }
        }
        return taken;
    }
}
