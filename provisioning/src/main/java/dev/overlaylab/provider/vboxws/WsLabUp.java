package dev.overlaylab.provider.vboxws;

import dev.overlaylab.provider.vboxws.soap.VBoxWebServiceException;
import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profile;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.virtualbox.BoxSource;
import dev.overlaylab.provider.virtualbox.LabState;
import dev.overlaylab.provider.virtualbox.VirtualBoxContext;
import dev.overlaylab.provider.virtualbox.VirtualBoxSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code up} on the server, in the {@code virtualbox} provider's order: the host-only interface (reused
 * or created; without kernel drivers on the server VirtualBox refuses here), the base image is there, each node's VM (a linked clone of the base, memory/CPUs,
 * NIC1 NAT + SSH forward, NIC2 host-only), then every VM started headless. Each VM and each created
 * interface is written to the lab state before it is configured, so a failed {@code up} leaves what
 * the next {@code up} reuses and {@code down} removes.
 */
final class WsLabUp {
    static final String STAGE = "nodes";
    private static final Duration CLONE = Duration.ofMinutes(10);

    private final WebVirtualBox vb;
    private final Lab lab;
    private final Profile profile;
    private final VirtualBoxSettings settings;
    private final String bindIp;
    /** Forward ports of the VMs this run created or re-forwarded: a host key recorded for one of them belonged to another VM. */
    final Set<Integer> newForwards = new HashSet<>();

    WsLabUp(WebVirtualBox vb, Lab lab, Profile profile, VirtualBoxSettings settings, String bindIp) {
        this.vb = vb;
        this.lab = lab;
        this.profile = profile;
        this.settings = settings;
        this.bindIp = bindIp;
    }

    /** Makes every VM exist and run; returns each node's SSH port on the server, in node order. */
    List<Integer> run(ProgressListener progress) {
        ServerFacts f = vb.facts();
        progress.on(ProgressEvent.of(STAGE, "", "server", Status.UNCHANGED, "VirtualBox " + f.version() + " (API " + f.apiVersion()
                + ", " + vb.api().getClass().getSimpleName() + ") on " + f.host()));
        if (vb.api().usesHostOnlyNetworks(f.os())) {
            throw new VBoxWebServiceException("the server " + f.host() + " runs macOS, where VirtualBox 7 has host-only networks"
                    + " instead of interfaces; this provider drives host-only interfaces only",
                    "use a Linux or Windows VirtualBox server, or the virtualbox provider on that Mac", null);
        }
        LabState state = LabState.load(settings.stateDir(), lab.name());
        // the host-only interface first, as the virtualbox provider's pre-flight checks the kernel drivers first:
        // on a server without them this is where VirtualBox says so, before any VM exists
        String hostOnly = hostOnly(state, progress);
        List<String> registered = vb.machineNames();
        List<Node> missing = lab.nodes().stream().filter(n -> !registered.contains(VirtualBoxContext.vmName(lab, n))).toList();
        Optional<WebMachine> base = Optional.empty();
        if (!missing.isEmpty()) {
            String baseVm = BoxSource.baseVmName(profile.box());
            base = vb.find(baseVm);
            if (base.isEmpty()) {
                throw new VBoxWebServiceException("the server " + f.host() + " has no base image for profile " + lab.profile()
                        + ": no VM named " + baseVm + " is registered there (nothing was created)",
                        "on the server, as the user vboxwebsrv runs as: olab image add " + lab.profile()
                                + " (or import the box as a VM named " + baseVm + " and take a snapshot of it)", null);
            }
        }
        Set<Integer> taken = portsOfOtherVms(registered);
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < lab.nodes().size(); i++) {
            ports.add(ensureCreated(lab.nodes().get(i), i, base, hostOnly, taken, state, progress));
        }
        for (Node n : lab.nodes()) {
            ensureRunning(n, progress);
        }
        return ports;
    }

    private String hostOnly(LabState state, ProgressListener progress) {
        Cidr net = Cidr.parse(lab.network().cidr()).normalized();
        String mask = net.netmask();
        for (WebVirtualBox.HostOnlyIf i : vb.hostOnlyInterfaces()) {
            if (i.ip().equals(lab.network().hostIp())) {
                progress.on(ProgressEvent.of(STAGE, "", "host-only interface", Status.UNCHANGED, i.name() + " on the server has "
                        + i.ip() + "/" + i.mask()));
                return i.name();
            }
        }
        String name = vb.createHostOnlyInterface(lab.network().hostIp(), mask, created -> {
            state.recordCreatedInterface(created);
            state.save();
        }, Duration.ofMinutes(2));
        progress.on(ProgressEvent.of(STAGE, "", "host-only interface", Status.CHANGED, "created " + name + " on the server with "
                + lab.network().hostIp() + "/" + mask));
        return name;
    }

    private Set<Integer> portsOfOtherVms(List<String> registered) {
        Set<String> ours = new HashSet<>();
        lab.nodes().forEach(n -> ours.add(VirtualBoxContext.vmName(lab, n)));
        Set<Integer> taken = new HashSet<>();
        for (String vm : registered) {
            if (!ours.contains(vm)) {
                vb.find(vm).ifPresent(m -> m.natRules().forEach(r -> {
                    String[] p = r.split(",", -1);
                    if (p.length == 6 && !p[3].isEmpty()) {
                        taken.add(Integer.parseInt(p[3]));
                    }
                }));
            }
        }
        return taken;
    }

    private int ensureCreated(Node node, int index, Optional<WebMachine> base, String hostOnly, Set<Integer> taken, LabState state,
                              ProgressListener progress) {
        String vm = VirtualBoxContext.vmName(lab, node);
        Optional<WebMachine> existing = vb.find(vm);
        if (existing.isPresent() && existing.get().sshPort().isPresent()) {
            int port = existing.get().sshPort().get();
            taken.add(port);
            progress.on(ProgressEvent.of(STAGE, node.name(), "create VM", Status.UNCHANGED, vm + " exists (" + existing.get().state()
                    + "), SSH forward " + bindIp + ":" + port));
            return port;
        }
        long t0 = System.nanoTime();
        WebMachine m;
        if (existing.isPresent()) {
            m = existing.get(); // created by an up that stopped before configuring it: configured now
        } else {
            progress.on(ProgressEvent.of(STAGE, node.name(), "create VM", Status.STARTED, "linked clone of " + base.get().name()
                    + " as " + vm));
            state.recordVm(node.name(), vm);
            state.save();
            m = vb.cloneFrom(base.get(), vm, CLONE);
        }
        int port = settings.firstSshPort() + index;
        while (taken.contains(port)) {
            port++;
        }
        taken.add(port);
        m.configure(profile.memoryMb(), profile.cpus(), bindIp, port, hostOnly);
        newForwards.add(port);
        progress.on(new ProgressEvent(STAGE, node.name(), "create VM", Status.CHANGED, Duration.ofNanos(System.nanoTime() - t0),
                vm + ": " + profile.memoryMb() + " MB, " + profile.cpus() + " CPU, NIC1 NAT with SSH on " + bindIp + ":" + port
                        + ", NIC2 host-only " + hostOnly));
        return port;
    }

    private void ensureRunning(Node node, ProgressListener progress) {
        String vm = VirtualBoxContext.vmName(lab, node);
        WebMachine m = vb.find(vm).orElseThrow(() -> new IllegalStateException("VM " + vm + " vanished from the server"));
        String was = m.state();
        if (m.running()) {
            progress.on(ProgressEvent.of(STAGE, node.name(), "start VM", Status.UNCHANGED, vm + " is " + was));
            return;
        }
        m.startHeadless(Duration.ofMinutes(2));
        progress.on(ProgressEvent.of(STAGE, node.name(), "start VM", Status.CHANGED, vm + " started (headless), was " + was));
    }
}
