package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.exec.Commands;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profile;
import dev.overlaylab.model.AllowedRanges;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists.HostOnlyIf;
import dev.overlaylab.provider.virtualbox.parse.VmInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The dry run: every VBoxManage command {@code up} would run, in order, as shell lines, with
 * {@code #} comments for what is decided at run time. Works without VirtualBox (commands for the
 * newest supported version, the profile's values, SSH ports {@code firstSshPort + n}); with
 * VirtualBox installed it also reads (never changes) what exists, to show what would be reused.
 */
final class VirtualBoxPlan {
    /** Without a usable VirtualBox the plan shows the newest supported family's commands. */
    static final VBoxVersion ASSUMED = VBoxVersion.parse(VBoxDrivers.SUPPORTED.get(VBoxDrivers.SUPPORTED.size() - 1) + ".0");
    static final String PORT_NOTE = "(port chosen at run time)";

    private final VirtualBoxContext ctx;
    private final Lab lab;
    private final Profile profile;
    private final List<String> out = new ArrayList<>();
    private boolean missingSaid;

    VirtualBoxPlan(VirtualBoxContext ctx, Lab lab, Profile profile) {
        this.ctx = ctx;
        this.lab = lab;
        this.profile = profile;
    }

    List<String> lines(Optional<VBoxDriver> live) {
        return lines(live, "VBoxManage was not found on this machine");
    }

    /** @param whyAssumed why no live driver is used (shown when {@code live} is empty) */
    List<String> lines(Optional<VBoxDriver> live, String whyAssumed) {
        VBoxDriver d = live.orElseGet(() -> VBoxDrivers.forVersion(
                new VBoxManage("VBoxManage", (argv, env, t) -> refuse(argv), 1, Duration.ZERO, x -> { }), ASSUMED, ctx.os()));
        Cidr net = Cidr.parse(lab.network().cidr()).normalized();
        if (live.isPresent()) {
            comment("VirtualBox " + d.version() + " (" + d.getClass().getSimpleName() + "), " + d.vboxManage().program());
        } else {
            comment(whyAssumed + ": commands shown for VirtualBox " + ASSUMED.family()
                    + "; 'up' picks the driver from 'VBoxManage --version'");
        }
        cmd(List.of("--version"));
        cmd(List.of("list", "vms"));
        cmd(List.of("list", "runningvms"));
        List<String> registered = live.map(x -> x.listVms().stream().map(VBoxLists.VmRef::name).toList()).orElse(List.of());

        comment("pre-flight: allowed host-only ranges, host interfaces on " + net + ", free memory");
        cmd(List.of("list", d.usesHostOnlyNetworks() ? "hostonlynets" : "hostonlyifs"));
        cmd(List.of("list", "bridgedifs"));
        cmd(List.of("list", "hostinfo"));
        rangeNote(d, net);

        String hostOnly = hostOnlyLines(d, live, net);
        comment("SSH ports already forwarded by other VMs are read with 'showvminfo VM --machinereadable'");
        List<String> toStart = new ArrayList<>();
        for (int i = 0; i < lab.nodes().size(); i++) {
            nodeLines(d, lab.nodes().get(i), i, hostOnly, registered).ifPresent(toStart::add);
        }
        // up creates every VM first, then starts them, so a failed create leaves nothing half-booted
        toStart.forEach(vm -> cmd(d.startArgs(vm)));
        for (Node n : lab.nodes()) {
            comment("wait for the SSH banner on node " + n.name() + "'s forwarded port (up to "
                    + ctx.settings().bootTimeout().toSeconds() + " s), log in as " + profile.user()
                    + " with the box's key, install the lab key");
        }
        return List.copyOf(out);
    }

    private String hostOnlyLines(VBoxDriver d, Optional<VBoxDriver> live, Cidr net) {
        Optional<HostOnlyIf> down = live.filter(x -> !x.usesHostOnlyNetworks())
                .flatMap(x -> HostOnlySetup.existingInterface(x, net)).filter(HostOnlySetup::needsAddress);
        if (down.isPresent()) {
            comment("host-only interface " + down.get().name() + " is listed on " + net + " but " + down.get().status()
                    + ": reused after giving it the host address");
            cmd(d.hostOnlyIfIpconfigArgs(down.get().name(), lab.network().hostIp(), net.netmask()));
            return down.get().name();
        }
        Optional<HostOnlyAttachment> existing = live.flatMap(x -> HostOnlySetup.findExisting(x, net));
        if (existing.isPresent()) {
            comment("host-only " + (existing.get().network() ? "network " : "interface ") + existing.get().name()
                    + " is already on " + net + ": reused");
            return existing.get().name();
        }
        if (d.usesHostOnlyNetworks()) {
            String name = HostOnlySetup.networkName(lab.name());
            cmd(d.hostOnlyNetAddArgs(name, net));
            return name;
        }
        String placeholder = ctx.os() == HostOs.WINDOWS ? "VirtualBox Host-Only Ethernet Adapter #N" : "vboxnetN";
        cmd(d.hostOnlyIfCreateArgs(), "(VirtualBox names it; called " + placeholder + " below)");
        cmd(d.hostOnlyIfIpconfigArgs(placeholder, lab.network().hostIp(), net.netmask()));
        return placeholder;
    }

    /** The node's create lines; returns the VM name when it will need starting. */
    private Optional<String> nodeLines(VBoxDriver d, Node node, int index, String hostOnly, List<String> registered) {
        String vm = VirtualBoxContext.vmName(lab, node);
        comment("node " + node.name() + " (" + node.ip() + "): VM " + vm);
        if (registered.contains(vm)) {
            Optional<VmInfo> info = d.vmInfo(vm);
            comment(vm + " exists (" + info.map(VmInfo::state).orElse("?") + "): not created again");
            return info.isPresent() && info.get().running() ? Optional.empty() : Optional.of(vm);
        }
        diskLines(d, vm, registered);
        cmd(d.resourcesArgs(vm, profile.memoryMb(), profile.cpus()));
        cmd(d.natArgs(vm, ctx.settings().firstSshPort() + index), PORT_NOTE);
        cmd(d.usesHostOnlyNetworks() ? d.hostOnlyNetArgs(vm, hostOnly)
                : d.hostOnlyAdapterArgs(vm, hostOnly));
        return Optional.of(vm);
    }

    private void diskLines(VBoxDriver d, String vm, List<String> registered) {
        BoxSource src = BoxSource.resolve(profile.box(), lab.source().map(Path::getParent), ctx.settings().vagrantHome(),
                ctx.settings().stateDir().resolve(lab.name()), registered, base -> d.vmInfo(base).flatMap(VmInfo::currentSnapshot));
        if (src instanceof BoxSource.Import i) {
            cmd(d.importArgs(i.appliance().toString(), vm));
        } else if (src instanceof BoxSource.VagrantBoxFile b) {
            line(Commands.toShellLine(List.of("tar", "-xf", b.box().toString(), "-C", b.unpackTo().toString())), "(once)");
            cmd(d.importArgs(b.ovf().toString(), vm));
        } else if (src instanceof BoxSource.Clone c) {
            cmd(d.cloneArgs(c.baseVm(), c.snapshot(), vm), c.snapshot().isPresent() ? "(linked clone)" : "(full clone: the base VM has no snapshot)");
        } else {
            if (!missingSaid) {
                missingSaid = true;
                comment("base image '" + profile.box() + "' is not on this machine yet (no .ova/.box file, Vagrant box or VM of that"
                        + " name); 'up' stops until it is: 'olab image add " + profile.box() + "' downloads and imports it"
                        + " (or 'vagrant box add " + profile.box() + " --provider virtualbox')");
            }
            cmd(d.importArgs(profile.box(), vm), "(once the base image is available)");
        }
    }

    private void rangeNote(VBoxDriver d, Cidr net) {
        if (d.usesHostOnlyNetworks() || !ctx.os().restrictsHostOnlyRanges() || d.version().compareTo(VBoxVersion.RANGES_ENFORCED) < 0) {
            return;
        }
        AllowedRanges r = AllowedRanges.read(ctx.settings().networksConf());
        if (!r.allows(net)) {
            comment("WARNING: " + net + " is outside the allowed host-only ranges ("
                    + r.ranges().stream().map(Cidr::toString).collect(Collectors.joining(", "))
                    + "); 'up' will stop at pre-flight (FAILURE-MODES #10)");
        }
    }

    private void cmd(List<String> args) {
        cmd(args, null);
    }

    private void cmd(List<String> args, String note) {
        List<String> argv = new ArrayList<>();
        argv.add("VBoxManage");
        argv.addAll(args);
        line(Commands.toShellLine(argv), note);
    }

    private void line(String shell, String note) {
        out.add(note == null ? shell : shell + "  # " + note);
    }

    private void comment(String text) {
        out.add("# " + text);
    }

    private static ExecResult refuse(List<String> argv) {
        throw new IllegalStateException("the dry run never runs VBoxManage: " + argv);
    }
}
