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

    /** Deletes the lab's VMs, then the host-only interfaces/networks this lab created that no VM uses any more. */
    public void down(ProgressListener progress) {
        LabState state = LabState.load(ctx.settings().stateDir(), lab.name());
        for (Node n : lab.nodes()) {
            String vm = VirtualBoxContext.vmName(lab, n);
            Optional<VmInfo> info = d.vmInfo(vm);
            if (info.isEmpty()) {
                progress.on(ProgressEvent.of(STAGE, n.name(), "delete VM", Status.UNCHANGED, vm + " does not exist"));
                state.forgetVm(n.name());
                continue;
            }
            if (!info.get().off()) {
                d.change(d.powerOffArgs(vm));
                Wait.until(vm + " powered off").timeout(Duration.ofSeconds(30)).interval(POLL).clock(System::nanoTime, ctx.pause()::pause)
                        .holds(() -> d.vmInfo(vm).map(VmInfo::off).orElse(true));
            }
            d.change(d.unregisterArgs(vm));
            info.get().sshPort().ifPresent(port -> ctx.login().vmReplaced("127.0.0.1", port));
            state.forgetVm(n.name());
            state.save();
            progress.on(ProgressEvent.of(STAGE, n.name(), "delete VM", Status.CHANGED, vm + " unregistered and its disks deleted"));
        }
        removeUnusedHostOnly(state, progress);
        state.deleteIfEmpty();
    }

    private void removeUnusedHostOnly(LabState state, ProgressListener progress) {
        if (state.createdInterfaces().isEmpty() && state.createdNetworks().isEmpty()) {
            return;
        }
        Set<String> inUse = new HashSet<>();
        for (VBoxLists.VmRef ref : d.listVms()) {
            d.vmInfo(ref.uuid()).ifPresent(i -> inUse.addAll(i.hostOnlyAttachments()));
        }
        for (String iface : state.createdInterfaces()) {
            if (removeIfUnused(iface, inUse, d.hostOnlyIfs().stream().map(VBoxLists.HostOnlyIf::name).toList(),
                    d.hostOnlyIfRemoveArgs(iface), progress)) {
                state.forgetInterface(iface);
            }
        }
        for (String net : state.createdNetworks()) {
            if (removeIfUnused(net, inUse, d.hostOnlyNets().stream().map(VBoxLists.HostOnlyNet::name).toList(),
                    d.hostOnlyNetRemoveArgs(net), progress)) {
                state.forgetNetwork(net);
            }
        }
    }

    /** True when it is gone afterwards; an interface another VM still uses stays recorded for a later down. */
    private boolean removeIfUnused(String name, Set<String> inUse, List<String> existing, List<String> removeArgs,
                                ProgressListener progress) {
        String step = "host-only " + name;
        if (!existing.contains(name)) {
            progress.on(ProgressEvent.of(STAGE, "", step, Status.UNCHANGED, name + " is already gone"));
            return true;
        }
        if (inUse.contains(name)) {
            progress.on(ProgressEvent.of(STAGE, "", step, Status.SKIPPED, name + " was created by this lab but another VM uses it now; kept"));
            return false;
        }
        d.change(removeArgs);
        progress.on(ProgressEvent.of(STAGE, "", step, Status.CHANGED, name + " removed"));
        return true;
    }

    private String requireVm(Node n) {
        String vm = VirtualBoxContext.vmName(lab, n);
        if (d.vmInfo(vm).isEmpty()) {
            throw new IllegalStateException("VM " + vm + " of node " + n.name() + " does not exist; run 'olab up' first");
        }
        return vm;
    }
}
