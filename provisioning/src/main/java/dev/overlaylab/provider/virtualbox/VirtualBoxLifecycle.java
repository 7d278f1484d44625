package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.exec.Wait;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists;
import dev.overlaylab.provider.virtualbox.parse.VmInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A lab's VMs after {@code up}: halt (ACPI first, the plug after a bounded wait), resume, snapshots
 * (a clean "after-provision" snapshot lets a class break the lab and get it back in seconds), and
 * down (delete the VMs and the host-only interface this lab created, if nothing else uses it).
 */
public final class VirtualBoxLifecycle {
    static final String STAGE = "nodes";
    private static final Duration POLL = Duration.ofSeconds(1);

    private final VirtualBoxContext ctx;
    private final VBoxDriver d;
    private final Lab lab;

    VirtualBoxLifecycle(VirtualBoxContext ctx, VBoxDriver d, Lab lab) {
        this.ctx = ctx;
        this.d = d;
        this.lab = lab;
    }

    /** Shuts every VM down: ACPI power button, wait for poweroff, then power off if it did not. */
    public void halt(ProgressListener progress) {
        for (Node n : lab.nodes()) {
            String vm = VirtualBoxContext.vmName(lab, n);
            Optional<VmInfo> info = d.vmInfo(vm);
            if (info.isEmpty() || info.get().off()) {
                progress.on(ProgressEvent.of(STAGE, n.name(), "halt", Status.UNCHANGED,
                        vm + (info.isEmpty() ? " does not exist" : " is " + info.get().state())));
                continue;
            }
            long t0 = System.nanoTime();
            d.change(d.acpiPowerButtonArgs(vm));
            Duration wait = ctx.settings().haltTimeout();
            boolean clean = Wait.until(vm + " powered off after the ACPI power button").timeout(wait).interval(POLL)
                    .clock(System::nanoTime, ctx.pause()::pause)
                    .holds(() -> d.vmInfo(vm).map(i -> "poweroff".equals(i.state())).orElse(true)).ready();
            if (!clean) {
                d.change(d.powerOffArgs(vm));
            }
            progress.on(new ProgressEvent(STAGE, n.name(), "halt", Status.CHANGED, Duration.ofNanos(System.nanoTime() - t0),
                    clean ? vm + " shut down cleanly" : vm + " ignored the ACPI power button for " + wait.toSeconds()
                            + " s and was powered off"));
        }
    }

    /** Starts the VMs that are not running (headless); SSH readiness is the caller's next step. */
    public void resume(ProgressListener progress) {
        for (Node n : lab.nodes()) {
            String vm = VirtualBoxContext.vmName(lab, n);
            if (d.vmInfo(vm).isEmpty()) {
                throw new IllegalStateException("VM " + vm + " of node " + n.name() + " does not exist; run 'olab up' to create it");
            }
        }
        lab.nodes().forEach(n -> NodeMachine.ensureRunning(d, lab, n, progress));
    }

    public void snapshotSave(String name, ProgressListener progress) {
        for (Node n : lab.nodes()) {
            String vm = requireVm(n);
            d.change(d.snapshotTakeArgs(vm, name));
            progress.on(ProgressEvent.of(STAGE, n.name(), "snapshot", Status.CHANGED, vm + ": snapshot '" + name + "' taken"));
        }
    }

    /** Restores snapshot {@code name} on every VM; all must be off and all must have it, checked before touching any. */
    public void snapshotRestore(String name, ProgressListener progress) {
        List<String> problems = new ArrayList<>();
        Map<Node, String> vms = new LinkedHashMap<>();
        for (Node n : lab.nodes()) {
            String vm = requireVm(n);
            VmInfo info = d.vmInfo(vm).orElseThrow();
            if (!info.off()) {
                problems.add(vm + " is " + info.state() + " (a snapshot can only be restored on a VM that is off)");
            }
            if (!info.snapshots().contains(name)) {
                problems.add(vm + " has no snapshot '" + name + "'"
                        + (info.snapshots().isEmpty() ? "" : " (it has: " + String.join(", ", info.snapshots()) + ")"));
            }
            vms.put(n, vm);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("cannot restore snapshot '" + name + "' of lab " + lab.name() + ":\n- "
                    + String.join("\n- ", problems) + "\n  fix: 'olab halt LAB' first; 'olab snapshot list LAB' shows the snapshots");
        }
        vms.forEach((n, vm) -> {
            d.change(d.snapshotRestoreArgs(vm, name));
            progress.on(ProgressEvent.of(STAGE, n.name(), "snapshot", Status.CHANGED, vm + ": restored '" + name + "'"));
        });
    }

    /** Node name → its VM's snapshot names. */
    public Map<String, List<String>> snapshots() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Node n : lab.nodes()) {
            out.put(n.name(), d.vmInfo(VirtualBoxContext.vmName(lab, n)).map(VmInfo::snapshots).orElse(List.of()));
        }
        return out;
    }

    /** A VM down deletes (powering it off first when it runs). */
    record VmRemoval(Node node, String vm, VmInfo info) {
    }

    /** A host-only interface or network this lab created: removed when no other VM uses it, else kept. */
    record HostOnlyRemoval(String name, boolean network, boolean exists, boolean usedByOthers) {
    }

    /**
     * What down removes, found once: {@link #down} acts on exactly this and {@link #removals}
     * describes exactly this. Host-only interfaces count as used only by VMs of other labs (this
     * lab's VMs are gone by the time they are removed).
     */
    record DownPlan(LabState state, List<Node> missing, List<VmRemoval> vms, List<HostOnlyRemoval> hostOnly) {
    }

    DownPlan downPlan() {
        LabState state = LabState.load(ctx.settings().stateDir(), lab.name());
        List<Node> missing = new ArrayList<>();
        List<VmRemoval> vms = new ArrayList<>();
        for (Node n : lab.nodes()) {
            String vm = VirtualBoxContext.vmName(lab, n);
            Optional<VmInfo> info = d.vmInfo(vm);
            if (info.isEmpty()) {
                missing.add(n);
            } else {
                vms.add(new VmRemoval(n, vm, info.get()));
            }
        }
        List<HostOnlyRemoval> hostOnly = new ArrayList<>();
        if (!state.createdInterfaces().isEmpty() || !state.createdNetworks().isEmpty()) {
            Set<String> ours = new HashSet<>(vms.stream().map(VmRemoval::vm).toList());
            Set<String> inUse = new HashSet<>();
            for (VBoxLists.VmRef ref : d.listVms()) {
                if (!ours.contains(ref.name())) {
                    d.vmInfo(ref.uuid()).ifPresent(i -> inUse.addAll(i.hostOnlyAttachments()));
                }
            }
            List<String> ifs = d.hostOnlyIfs().stream().map(VBoxLists.HostOnlyIf::name).toList();
            for (String iface : state.createdInterfaces()) {
                hostOnly.add(new HostOnlyRemoval(iface, false, ifs.contains(iface), inUse.contains(iface)));
            }
            List<String> nets = state.createdNetworks().isEmpty() ? List.of()
                    : d.hostOnlyNets().stream().map(VBoxLists.HostOnlyNet::name).toList();
            for (String net : state.createdNetworks()) {
                hostOnly.add(new HostOnlyRemoval(net, true, nets.contains(net), inUse.contains(net)));
            }
        }
        return new DownPlan(state, missing, vms, hostOnly);
    }

    /** The plan as a person reads it before confirming. */
    public List<dev.overlaylab.provider.Removal> removals() {
        DownPlan plan = downPlan();
        List<dev.overlaylab.provider.Removal> out = new ArrayList<>();
        for (VmRemoval v : plan.vms()) {
            out.add(new dev.overlaylab.provider.Removal(v.node().name(), (v.info().off() ? "" : "power off and ")
                    + "delete VM " + v.vm() + " with its disks (it is " + v.info().state() + ")"));
        }
        for (HostOnlyRemoval h : plan.hostOnly()) {
            if (h.exists() && !h.usedByOthers()) {
                out.add(new dev.overlaylab.provider.Removal("", "remove the host-only " + (h.network() ? "network " : "interface ")
                        + h.name() + " this lab created"));
            }
        }
        return out;
    }

    /** Deletes the lab's VMs, then the host-only interfaces/networks this lab created that no VM uses any more. */
    public void down(ProgressListener progress) {
        DownPlan plan = downPlan();
        LabState state = plan.state();
        for (Node n : plan.missing()) {
            progress.on(ProgressEvent.of(STAGE, n.name(), "delete VM", Status.UNCHANGED, VirtualBoxContext.vmName(lab, n) + " does not exist"));
            state.forgetVm(n.name());
        }
        for (VmRemoval v : plan.vms()) {
            String vm = v.vm();
            if (!v.info().off()) {
                d.change(d.powerOffArgs(vm));
                Wait.until(vm + " powered off").timeout(Duration.ofSeconds(30)).interval(POLL).clock(System::nanoTime, ctx.pause()::pause)
                        .holds(() -> d.vmInfo(vm).map(VmInfo::off).orElse(true));
            }
            d.change(d.unregisterArgs(vm));
            v.info().sshPort().ifPresent(port -> ctx.login().vmReplaced("127.0.0.1", port));
            state.forgetVm(v.node().name());
            state.save();
            progress.on(ProgressEvent.of(STAGE, v.node().name(), "delete VM", Status.CHANGED, vm + " unregistered and its disks deleted"));
        }
        for (HostOnlyRemoval h : plan.hostOnly()) {
            if (removeIfUnused(h, progress)) {
                if (h.network()) {
                    state.forgetNetwork(h.name());
                } else {
                    state.forgetInterface(h.name());
                }
            }
        }
        state.deleteIfEmpty();
    }

    /** True when it is gone afterwards; an interface another VM still uses stays recorded for a later down. */
    private boolean removeIfUnused(HostOnlyRemoval h, ProgressListener progress) {
        String step = "host-only " + h.name();
        if (!h.exists()) {
            progress.on(ProgressEvent.of(STAGE, "", step, Status.UNCHANGED, h.name() + " is already gone"));
            return true;
        }
        if (h.usedByOthers()) {
            progress.on(ProgressEvent.of(STAGE, "", step, Status.SKIPPED, h.name() + " was created by this lab but another VM uses it now; kept"));
            return false;
        }
        d.change(h.network() ? d.hostOnlyNetRemoveArgs(h.name()) : d.hostOnlyIfRemoveArgs(h.name()));
        progress.on(ProgressEvent.of(STAGE, "", step, Status.CHANGED, h.name() + " removed"));
        return true;
    }

    /** Every VM missing, all off, all running, or a mix; from VBoxManage alone. */
    public dev.overlaylab.provider.Machines machines() {
        List<String> missing = new ArrayList<>();
        List<String> off = new ArrayList<>();
        for (Node n : lab.nodes()) {
            Optional<VmInfo> info = d.vmInfo(VirtualBoxContext.vmName(lab, n));
            if (info.isEmpty()) {
                missing.add(n.name());
            } else if (info.get().off()) {
                off.add(n.name() + " (" + info.get().state() + ")");
            }
        }
        int all = lab.nodes().size();
        dev.overlaylab.provider.Machines.Kind kind;
        String detail;
        if (missing.size() == all) {
            kind = dev.overlaylab.provider.Machines.Kind.NONE;
            detail = "no VM of this lab exists";
        } else if (missing.isEmpty() && off.isEmpty()) {
            kind = dev.overlaylab.provider.Machines.Kind.RUNNING;
            detail = "every VM runs";
        } else if (missing.isEmpty() && off.size() == all) {
            kind = dev.overlaylab.provider.Machines.Kind.STOPPED;
            detail = "every VM is off: " + String.join(", ", off);
        } else {
            kind = dev.overlaylab.provider.Machines.Kind.PARTIAL;
            List<String> parts = new ArrayList<>();
            if (!missing.isEmpty()) {
                parts.add("no VM for " + String.join(", ", missing));
            }
            if (!off.isEmpty()) {
                parts.add("off: " + String.join(", ", off));
            }
            detail = String.join("; ", parts);
        }
        return new dev.overlaylab.provider.Machines(kind, detail);
    }

    private String requireVm(Node n) {
        String vm = VirtualBoxContext.vmName(lab, n);
        if (d.vmInfo(vm).isEmpty()) {
            throw new IllegalStateException("VM " + vm + " of node " + n.name() + " does not exist; run 'olab up' first");
        }
        return vm;
    }
}
