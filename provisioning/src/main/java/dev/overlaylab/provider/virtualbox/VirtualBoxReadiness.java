package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.model.Profile;
import dev.overlaylab.model.AllowedRanges;
import dev.overlaylab.provider.Readiness;
import dev.overlaylab.provider.Readiness.Fact;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Can this machine run VirtualBox labs? Asks what the provider itself relies on — the locator, the
 * version's driver, the kernel drivers, the host-only interfaces, {@link AllowedRanges}, the host's
 * memory, the profiles' base images — and says each as one fact with its fix. Only reads: nothing is
 * created or changed.
 */
final class VirtualBoxReadiness {
    /** The seeds' lab: two nodes of this profile (examples/two-node-vbox.yaml). */
    static final String SEEDS_PROFILE = "ubuntu-16.04";

    private final VirtualBoxContext ctx;
    private final Supplier<VBoxDriver> driver;
    private final List<String> vmProfiles;

    VirtualBoxReadiness(VirtualBoxContext ctx, Supplier<VBoxDriver> driver, List<String> vmProfiles) {
        this.ctx = ctx;
        this.driver = driver;
        this.vmProfiles = List.copyOf(vmProfiles);
    }

    Readiness check() {
        List<Fact> out = new ArrayList<>();
        Optional<Path> program = ctx.locator().find();
        if (program.isEmpty()) {
            VirtualBoxUnavailableException e = new VirtualBoxUnavailableException(ctx.locator().notFoundMessage());
            out.add(Fact.fail("VBoxManage", "not found on PATH nor where the installers put it", e.fix()));
            return done(out);
        }
        out.add(Fact.ok("VBoxManage", program.get().toString()));
        VBoxDriver d;
        try {
            d = driver.get();
        } catch (VirtualBoxUnavailableException | VBoxManageException e) {
            String cause = e instanceof VirtualBoxUnavailableException u ? u.cause() : ((VBoxManageException) e).cause();
            String fix = e instanceof VirtualBoxUnavailableException u ? u.fix() : ((VBoxManageException) e).fix();
            out.add(Fact.fail("version", cause.lines().findFirst().orElse(cause), fix));
            return done(out);
        }
        out.add(Fact.ok("version", "VirtualBox " + d.version() + " ('" + d.version().raw() + "'), driver "
                + d.getClass().getSimpleName()));
        KernelDrivers k = ctx.kernelDrivers(d.vboxManage().startupBanner());
        out.add(k.allLoaded()
                ? Fact.ok("kernel drivers", ctx.os() == HostOs.LINUX ? String.join(" and ", KernelDrivers.DEVICES) + " present"
                        : "not checked on " + ctx.os() + " (a VM start says so if they are missing)")
                : Fact.fail("kernel drivers", String.join(" and ", k.missing()) + (k.missing().size() == 1 ? " does" : " do")
                        + " not exist: VMs cannot start, host-only interfaces cannot be created", k.fix()));
        out.add(hostOnly(d));
        out.add(ranges(d));
        out.add(memory(d));
        out.addAll(images(d));
        return done(out);
    }

    private static Readiness done(List<Fact> facts) {
        return new Readiness(VirtualBoxProvider.ID, facts);
    }

    private Fact hostOnly(VBoxDriver d) {
        try {
            List<String> shown = new ArrayList<>();
            if (d.usesHostOnlyNetworks()) {
                d.hostOnlyNets().forEach(n -> shown.add(n.name() + " " + n.lowerIp() + "/" + n.networkMask()
                        + (n.enabled() ? "" : " (disabled)")));
            } else {
                for (VBoxLists.HostOnlyIf i : d.hostOnlyIfs()) {
                    shown.add(i.name() + " " + i.ipAddress() + "/" + i.networkMask() + " (" + i.status() + ")");
                }
            }
            return Fact.ok("host-only interfaces", shown.isEmpty() ? "none yet: up creates one per lab network"
                    : String.join(", ", shown));
        } catch (VBoxManageException e) {
            return Fact.warn("host-only interfaces", "could not be listed: " + e.cause(), e.fix());
        }
    }

    private Fact ranges(VBoxDriver d) {
        if (d.usesHostOnlyNetworks() || !ctx.os().restrictsHostOnlyRanges() || d.version().compareTo(VBoxVersion.RANGES_ENFORCED) < 0) {
            return Fact.ok("allowed host-only ranges", "any (VirtualBox " + d.version() + " on " + ctx.os() + " does not limit them)");
        }
        AllowedRanges r = AllowedRanges.read(ctx.settings().networksConf());
        String seeds = "192.168.56.0/24";
        if (r.ranges().isEmpty()) {
            return Fact.fail("allowed host-only ranges", r.describe(), r.fixFor(seeds));
        }
        return r.allows(seeds) ? Fact.ok("allowed host-only ranges", r.describe())
                : Fact.warn("allowed host-only ranges", r.describe() + "; the seeds' network " + seeds + " is not among them",
                        r.fixFor(seeds));
    }

    private Fact memory(VBoxDriver d) {
        long perNode = profileMemory();
        try {
            VBoxLists.HostInfo info = d.hostInfo();
            long need = 2 * perNode;
            String detail = info.memoryAvailableMb() + " MB available of " + info.memorySizeMb() + " MB; a two-node lab of "
                    + SEEDS_PROFILE + " needs " + need + " MB";
            return info.memoryAvailableMb() >= need ? Fact.ok("free memory", detail)
                    : Fact.warn("free memory", detail, "close programs or VMs, or use a profile with less memory");
        } catch (VBoxManageException e) {
            return Fact.warn("free memory", "could not be read: " + e.cause(), e.fix());
        }
    }

    private long profileMemory() {
        try {
            return ctx.profiles().apply(SEEDS_PROFILE).memoryMb();
        } catch (RuntimeException e) {
            return 1024;
        }
    }

    private List<Fact> images(VBoxDriver d) {
        List<String> registered;
        try {
            registered = d.listVms().stream().map(VBoxLists.VmRef::name).toList();
        } catch (VBoxManageException e) {
            return List.of(Fact.warn("base images", "could not list VMs: " + e.cause(), e.fix()));
        }
        List<String> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : vmProfiles) {
            Profile p;
            try {
                p = ctx.profiles().apply(name);
            } catch (RuntimeException e) {
                continue;
            }
            BoxSource src = BoxSource.resolve(p.box(), Optional.empty(), ctx.settings().vagrantHome(),
                    ctx.settings().stateDir(), registered, vm -> Optional.empty());
            if (src instanceof BoxSource.Missing) {
                missing.add(p.box() + " (" + name + ")");
            } else {
                present.add(p.box() + " (" + name + "): " + describe(src));
            }
        }
        if (missing.isEmpty()) {
            return List.of(Fact.ok("base images", String.join("; ", present)));
        }
        String detail = (present.isEmpty() ? "none here" : String.join("; ", present)) + "; not here: "
                + String.join(", ", missing) + " (a lab needs only its profile's)";
        String example = missing.get(0).substring(missing.get(0).indexOf('(') + 1, missing.get(0).length() - 1);
        return List.of(Fact.warn("base images", detail, "olab image add PROFILE downloads and imports one (e.g. olab image add "
                + example + "); the wizard's VirtualBox step has the same as a button"));
    }

    private static String describe(BoxSource src) {
        if (src instanceof BoxSource.Import i) {
            return i.appliance().toString();
        }
        if (src instanceof BoxSource.VagrantBoxFile b) {
            return b.box().toString();
        }
        return src instanceof BoxSource.Clone c ? "registered VM " + c.baseVm() : src.toString();
    }
}
