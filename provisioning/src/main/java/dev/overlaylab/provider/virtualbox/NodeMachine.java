package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profile;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.virtualbox.parse.VmInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One node's VM: create it when missing (import or clone, memory/CPUs, NIC1 NAT + ssh forward,
 * NIC2 host-only), start it when it is not running. Each step reads first and acts only when needed.
 */
final class NodeMachine {
    static final String STAGE = "nodes";

    private final VirtualBoxContext ctx;
    private final VBoxDriver d;
    private final Lab lab;
    private final Profile profile;
    private final LabState state;

    NodeMachine(VirtualBoxContext ctx, VBoxDriver d, Lab lab, Profile profile, LabState state) {
        this.ctx = ctx;
        this.d = d;
        this.lab = lab;
        this.profile = profile;
        this.state = state;
    }

    /** Creates the VM if missing and returns its SSH forward port; {@code taken} grows by that port. */
    int ensureCreated(Node node, int index, HostOnlyAttachment hostOnly, Set<Integer> taken, List<String> registered,
                      ProgressListener progress) {
        String vm = VirtualBoxContext.vmName(lab, node);
        Optional<VmInfo> info = registered.contains(vm) ? d.vmInfo(vm) : Optional.empty();
        if (info.isPresent()) {
            Optional<Integer> port = info.get().sshPort();
            if (port.isPresent()) {
                taken.add(port.get());
                progress.on(ProgressEvent.of(STAGE, node.name(), "create VM", Status.UNCHANGED,
                        vm + " exists (" + info.get().state() + "), SSH forward 127.0.0.1:" + port.get()));
                return port.get();
            }
            if (!info.get().off()) {
                throw new IllegalStateException("VM " + vm + " is " + info.get().state() + " and has no SSH forward to guest port 22;"
                        + "\n  fix: 'olab halt' the lab and run up again (the forward can only be added while the VM is off)");
            }
            int p = addSshForward(vm, info.get(), index, taken);
            progress.on(ProgressEvent.of(STAGE, node.name(), "SSH forward", Status.CHANGED, "127.0.0.1:" + p + " → " + vm + ":22"));
            return p;
        }
        long t0 = System.nanoTime();
        progress.on(ProgressEvent.of(STAGE, node.name(), "create VM", Status.STARTED, "creating " + vm + " from " + profile.box()));
        createDisk(vm, registered);
        state.recordVm(node.name(), vm);
        state.save();
        d.change(d.resourcesArgs(vm, profile.memoryMb(), profile.cpus()));
        VmInfo fresh = d.vmInfo(vm).orElseThrow(() -> new IllegalStateException("VM " + vm + " vanished right after it was created"));
        int port = addSshForward(vm, fresh, index, taken);
        d.change(hostOnly.network() ? d.hostOnlyNetArgs(vm, hostOnly.name()) : d.hostOnlyAdapterArgs(vm, hostOnly.name()));
        progress.on(new ProgressEvent(STAGE, node.name(), "create VM", Status.CHANGED, Duration.ofNanos(System.nanoTime() - t0),
                vm + ": " + profile.memoryMb() + " MB, " + profile.cpus() + " CPU, NIC1 NAT with SSH on 127.0.0.1:" + port
                        + ", NIC2 host-only " + hostOnly.name()));
        return port;
    }

    /** Starts the VM headless unless it is running (a paused one is resumed); true when it was started. */
    static boolean ensureRunning(VBoxDriver d, Lab lab, Node node, ProgressListener progress) {
        String vm = VirtualBoxContext.vmName(lab, node);
        VmInfo info = d.vmInfo(vm).orElseThrow(() -> new IllegalStateException("VM " + vm + " is not registered"));
        if (info.running()) {
            progress.on(ProgressEvent.of(STAGE, node.name(), "start VM", Status.UNCHANGED, vm + " is running"));
            return false;
        }
        if ("paused".equals(info.state())) {
            d.change(List.of("controlvm", vm, "resume"));
        } else {
            try {
                d.change(d.startArgs(vm));
            } catch (VBoxManageException e) {
                throw StartFailure.explain(e, info.cfgFile(), d.vboxManage().host());
            }
        }
        progress.on(ProgressEvent.of(STAGE, node.name(), "start VM", Status.CHANGED, vm + " started (headless), was " + info.state()));
        return true;
    }

    private void createDisk(String vm, List<String> registered) {
        BoxSource src = BoxSource.resolve(profile.box(), lab.source().map(Path::getParent), ctx.settings().vagrantHome(),
                ctx.settings().stateDir().resolve(lab.name()), registered,
                base -> d.vmInfo(base).flatMap(VmInfo::currentSnapshot));
        if (src instanceof BoxSource.Import i) {
            d.change(d.importArgs(i.appliance().toString(), vm));
        } else if (src instanceof BoxSource.VagrantBoxFile b) {
            unpack(b);
            d.change(d.importArgs(b.ovf().toString(), vm));
        } else if (src instanceof BoxSource.Clone c) {
            d.change(d.cloneArgs(c.baseVm(), c.snapshot(), vm));
        } else if (src instanceof BoxSource.Missing m) {
            throw new IllegalStateException(m.message());
        }
    }

    private void unpack(BoxSource.VagrantBoxFile b) {
        if (Files.isRegularFile(b.ovf())) {
            return;
        }
        try {
            Files.createDirectories(b.unpackTo());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + b.unpackTo(), e);
        }
        List<String> argv = List.of("tar", "-xf", b.box().toString(), "-C", b.unpackTo().toString());
        ExecResult r = ctx.runner().run(argv, Map.of(), Duration.ofMinutes(20));
        r.orThrow();
        if (!Files.isRegularFile(b.ovf())) {
            throw new IllegalStateException(b.box() + " holds no box.ovf: is it a VirtualBox box?");
        }
    }

    private int addSshForward(String vm, VmInfo info, int index, Set<Integer> taken) {
        // a box may already carry a rule named ssh; a second one of that name is refused
        if (info.forwards().stream().anyMatch(f -> f.nic() == 1 && f.name().equals("ssh"))) {
            d.change(d.deleteNatRuleArgs(vm, "ssh"));
        }
        int port = ctx.ports().pick(ctx.settings().firstSshPort() + index, taken);
        taken.add(port);
        d.change(d.natArgs(vm, port));
        ctx.login().vmReplaced("127.0.0.1", port);
        return port;
    }
}
