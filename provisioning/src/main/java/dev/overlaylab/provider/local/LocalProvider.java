package dev.overlaylab.provider.local;

import dev.overlaylab.exec.CommandFailedException;
import dev.overlaylab.exec.ExecRunner;
import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.exec.Wait;
import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.SshEndpoint;
import dev.overlaylab.node.FileDigests;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.provider.Readiness;
import dev.overlaylab.provider.local.LocalLabState.Entry;
import dev.overlaylab.provider.local.LocalLabState.Kind;
import dev.overlaylab.ssh.LabKeys;
import dev.overlaylab.ssh.SshBanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Nodes as systemd-nspawn containers on this Linux machine, each booted with its own systemd from
 * an overlay of a cached Debian root filesystem. Two NICs per node, like a VirtualBox VM:
 * {@code host0} on the lab's bridge (the host-only network, host side {@code .1}) and {@code nat0}
 * with 10.0.2.15 and a default route that leads nowhere. SSH: root on the host-only address.
 *
 * <p>Everything made is recorded in {@code /var/lib/overlay-lab/<lab>/state} as it is made; see
 * {@link LocalDown}. Recipe, timings and traps: docs/local-provider.md.
 */
public final class LocalProvider implements Provider {
    public static final String ID = "local";
    public static final Path DEFAULT_STATE_ROOT = Path.of("/var/lib/overlay-lab");
    public static final Path DEFAULT_CACHE_ROOT = Path.of("/var/cache/overlay-lab");
    static final Duration SSH_WAIT = Duration.ofSeconds(90);
    static final Duration VETH_WAIT = Duration.ofSeconds(20);

    private final ExecRunner runner;
    private final Path stateRoot;
    private final RootfsCache rootfs;
    private final Path cacheRoot;
    private final Function<String, LabKeys> labKeys;

    public LocalProvider() {
        this(new ProcessRunner(), DEFAULT_STATE_ROOT, DEFAULT_CACHE_ROOT, RootfsSpec.DEFAULT, LabKeys::forLab);
    }

    /**
     * @param labKeys the lab's key pair by lab name; node SSH host keys are kept in its folder too
     *                (under {@code hostkeys/<node>}), so a lab brought down and up again presents
     *                the same host keys to the app's known_hosts
     */
    public LocalProvider(ExecRunner runner, Path stateRoot, Path cacheRoot, RootfsSpec spec, Function<String, LabKeys> labKeys) {
        this.runner = runner;
        this.stateRoot = stateRoot;
        this.rootfs = new RootfsCache(runner, cacheRoot, spec);
        this.cacheRoot = cacheRoot;
        this.labKeys = labKeys;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<String> unavailableReason() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return Optional.of("the local provider runs nodes as systemd-nspawn containers, which needs Linux");
        }
        if (!HostChecks.isRoot()) {
            return Optional.of("the local provider needs root: run as root or use sudo");
        }
        if (HostChecks.onPath("systemd-nspawn").isEmpty()) {
            return Optional.of("systemd-nspawn is missing: sudo ./olab setup local installs it (from the .deb: apt-get install systemd-container)");
        }
        if (!rootfs.ready() && HostChecks.onPath("debootstrap").isEmpty()) {
            return Optional.of("debootstrap is missing (needed once, to build the node image): sudo ./olab setup local installs it (from the .deb: apt-get install debootstrap)");
        }
        return Optional.empty();
    }

    @Override
    public Readiness readiness() {
        return LocalReadiness.forThisMachine(rootfs, cacheRoot).check();
    }

    @Override
    public List<String> plan(Lab lab) {
        LocalNames names = names(lab);
        List<String> lines = new ArrayList<>();
        if (!rootfs.ready()) {
            lines.addAll(rootfs.plan());
        }
        int len = Cidr.parse(lab.network().cidr()).prefix();
        lines.add("ip link add " + names.bridge() + " type bridge; ip addr add " + lab.network().hostIp() + "/" + len
                + " dev " + names.bridge() + "; sysctl -w net.ipv4.neigh." + names.bridge() + ".retrans_time_ms=" + HostNetworking.ARP_RETRANS_MS
                + "; ip link set " + names.bridge() + " up");
        lines.add("only if br_netfilter is loaded and the host's FORWARD policy is not ACCEPT: iptables -I FORWARD "
                + String.join(" ", new HostNetworking(runner, names, new LocalLabState(names.stateFile())).forwardRule()));
        for (int i = 0; i < lab.nodes().size(); i++) {
            Node n = lab.nodes().get(i);
            Path dir = names.nodeDir(n.name());
            lines.add(String.join(" ", NodeRoot.mountArgv(planLowers(lab), dir.resolve("upper"), dir.resolve("work"),
                    names.nodeRoot(n.name()))));
            lines.add("write " + n.name() + ": /etc/hostname, the base stage's host-only address file (" + n.ip() + "/" + len
                    + "), /etc/systemd/network/10-nat0.network (" + LocalNames.NAT_ADDRESS + " via " + LocalNames.NAT_GATEWAY
                    + "), /root/.ssh/authorized_keys, SSH host keys");
            lines.add("SYSTEMD_NSPAWN_UNIFIED_HIERARCHY=1 SYSTEMD_NSPAWN_LOCK=0 setsid " + String.join(" ",
                    NspawnMachine.nspawnArgv(names.nodeRoot(n.name()), names.machine(n.name()), names.hostOnlyVeth(i),
                            names.natVeth(i))) + " > " + names.nspawnLog(n.name()) + " &");
            lines.add("ip link set " + names.hostOnlyVeth(i) + " master " + names.bridge() + " up; ip link set "
                    + names.natVeth(i) + " up  (no address: the NAT-like link leads nowhere)");
        }
        lines.add("wait until SSH answers on " + String.join(", ", lab.nodes().stream().map(n -> n.ip() + ":22").toList()));
        return lines;
    }

    @Override
    public List<Node> up(Lab lab, ProgressListener progress) {
        unavailableReason().ifPresent(r -> {
            throw new LocalProviderException(r);
        });
        LocalNames names = names(lab);
        int len = Cidr.parse(lab.network().cidr()).prefix();
        Path lower = rootfs.ensure(progress);
        LabKeys keys = labKeys.apply(lab.name());
        String publicKey = keys.publicKeyLine();

        LocalLabState state = new LocalLabState(names.stateFile());
        state.record(Kind.DIR, names.labDir().toString());
        HostNetworking net = new HostNetworking(runner, names, state);
        net.conflictingInterface(lab.network().cidr()).ifPresent(c -> {
            throw new LocalProviderException("cannot use " + lab.network().cidr() + " for lab " + lab.name()
                    + ": another interface of this machine is already on it (" + c + "). "
                    + "Pick another host-only network in the lab file, or bring the other lab down.");
        });
        long t0 = System.nanoTime();
        boolean bridgeChanged = net.ensureBridge(lab.network().hostIp(), len);
        net.allowBridgedTraffic();
        progress.on(timed("bridge", "", t0, bridgeChanged ? Status.CHANGED : Status.UNCHANGED, names.bridge() + " with " + lab.network().hostIp() + "/" + len));

        if (lab.kubernetes().isPresent()) {
            // only nodes about to start need room: a running node holds its instances already
            int starting = (int) lab.nodes().stream().filter(n -> runningPid(state, names.machine(n.name())).isEmpty()).count();
            if (starting > 0) {
                inotifyForKubernetes(lab, starting, names, progress);
            }
        }
        NodeRoot roots = new NodeRoot(runner, names, state, hostKeysDir(keys));
        // the lab's flanneld as a shared layer above the root filesystem: no copy per node
        List<Path> lowers = new ArrayList<>();
        localFlanneld(lab).ifPresent(bin -> lowers.add(FlanneldLayer.ensure(bin, cacheRoot, FileDigests.forUser())));
        lowers.add(lower);
        NspawnMachine nspawn = new NspawnMachine(runner);
        List<Long> pids = new ArrayList<>();
        List<Boolean> started = new ArrayList<>();
        for (int i = 0; i < lab.nodes().size(); i++) {
            Node node = lab.nodes().get(i);
            String machine = names.machine(node.name());
            Optional<Long> running = runningPid(state, machine);
            if (running.isPresent()) {
                pids.add(running.get());
                started.add(false);
                progress.on(ProgressEvent.of("nodes", node.name(), "boot", Status.UNCHANGED, machine + " runs (PID " + running.get() + ")"));
                continue;
            }
            long t = System.nanoTime();
            Path root = roots.mount(node.name(), lowers);
            roots.personalize(node, root, NodeRoot.hostOnlyAddress(lab, node), publicKey);
            long pid = nspawn.start(withKubernetes(lab, NspawnMachine.nspawnArgv(root, machine, names.hostOnlyVeth(i), names.natVeth(i))),
                    names.nspawnLog(node.name()));
            state.record(Kind.PID, Long.toString(pid), machine);
            attach(net, names, i, pid, machine, node.name());
            pids.add(pid);
            started.add(true);
            progress.on(timed("boot", node.name(), t, Status.CHANGED, machine + " started (PID " + pid + ")"));
        }
        for (int i = 0; i < lab.nodes().size(); i++) {
            Node node = lab.nodes().get(i);
            long pid = pids.get(i);
            String machine = names.machine(node.name());
            long t = System.nanoTime();
            // short connect timeout: before the node has its address the SYN just vanishes
            Wait.Outcome<String> ssh = Wait.until("SSH banner on " + node.ip() + ":22").timeout(SSH_WAIT).interval(Duration.ofMillis(100))
                    .stopWhenNot(() -> NspawnMachine.isOurs(pid, machine), "systemd-nspawn of " + machine + " exited")
                    .check(SshBanner.probe(node.ip(), 22, Duration.ofMillis(500), Duration.ofSeconds(2)));
            if (!ssh.ready()) {
                throw new LocalProviderException("node " + node.name() + " (" + machine + "): " + ssh.failure()
                        + ". Its console log: " + names.nspawnLog(node.name())
                        + "\n" + tail(names.nspawnLog(node.name())) + "\nRun 'olab down' to remove what was made.");
            }
            progress.on(timed("ssh", node.name(), t, started.get(i) ? Status.CHANGED : Status.UNCHANGED, "SSH answers on " + node.ip() + ":22"));
        }
        return endpoints(lab);
    }

    /** root on the host-only address, port 22, with the lab's own key (an empty keyFile means that key). */
    @Override
    public List<Node> endpoints(Lab lab) {
        // Without this lab's bridge the host-only addresses are not ours: connecting would send the
        // traffic out of the machine through its default route. Refuse instead of guessing.
        LocalNames names = names(lab);
        if (!new LocalLabState(names.stateFile()).contains(Kind.LINK, names.bridge())) {
            throw new IllegalStateException("lab '" + lab.name() + "' is not up on this machine (no bridge "
                    + names.bridge() + " recorded in " + names.stateFile() + "): run ./olab up first");
        }
        return lab.nodes().stream()
                .map(n -> new Node(n.name(), n.ip(), n.role(), new SshEndpoint(n.ip(), 22, "root", Optional.empty(), false)))
                .toList();
    }

    /** Where node {@code node}'s SSH host keys are kept: {@code <lab key folder>/hostkeys/<node>/etc/ssh/}. */
    public Path hostKeys(Lab lab, String node) {
        return hostKeysDir(labKeys.apply(lab.name())).resolve(node).resolve("etc/ssh");
    }

    private static Path hostKeysDir(LabKeys keys) {
        return keys.privateKey().getParent().resolve("hostkeys");
    }

    @Override
    public boolean downDestroysMachines() {
        return true;
    }

    @Override
    public void down(Lab lab, ProgressListener progress) {
        if (!HostChecks.isRoot()) {
            throw new LocalProviderException("the local provider needs root: run as root or use sudo");
        }
        localDown(lab).run(progress);
    }

    @Override
    public List<dev.overlaylab.provider.Removal> downPreview(Lab lab) {
        LocalDown down = localDown(lab);
        return down.removals(down.plan());
    }

    private LocalDown localDown(Lab lab) {
        return new LocalDown(runner, names(lab), stateRoot, lab.nodes().stream().map(Node::name).toList());
    }

    /**
     * None made (no bridge recorded), or how many of the recorded nspawn nodes still run: after a
     * reboot of this machine they all stopped, which {@code up} repairs by starting them again.
     */
    @Override
    public dev.overlaylab.provider.Machines machines(Lab lab) {
        LocalNames names = names(lab);
        LocalLabState state = new LocalLabState(names.stateFile());
        if (!state.contains(Kind.LINK, names.bridge())) {
            return new dev.overlaylab.provider.Machines(dev.overlaylab.provider.Machines.Kind.NONE, "nothing of this lab is on this computer");
        }
        List<String> stopped = lab.nodes().stream().map(Node::name)
                .filter(n -> runningPid(state, names.machine(n)).isEmpty()).toList();
        if (stopped.isEmpty()) {
            return new dev.overlaylab.provider.Machines(dev.overlaylab.provider.Machines.Kind.RUNNING, "every node runs");
        }
        return new dev.overlaylab.provider.Machines(stopped.size() == lab.nodes().size()
                ? dev.overlaylab.provider.Machines.Kind.STOPPED : dev.overlaylab.provider.Machines.Kind.PARTIAL,
                String.join(", ", stopped) + (stopped.size() == 1 ? " is" : " are") + " not running");
    }

    /** A Kubernetes lab's nodes see the cached binaries read-only (the engine links them into /usr/local/bin). */
    private static List<String> withKubernetes(Lab lab, List<String> argv) {
        if (lab.kubernetes().isEmpty() || !KubernetesCache.cached(KubernetesCache.root(), lab.kubernetes().get().version())) {
            return argv;
        }
        List<String> out = new ArrayList<>(argv);
        out.add(out.indexOf("-M"), KubernetesCache.bindOption(KubernetesCache.root(), lab.kubernetes().get().version()));
        return out;
    }

    /** Refuses, or raises the machine's limit, before nodes start that would run out of inotify instances. */
    private static void inotifyForKubernetes(Lab lab, int starting, LocalNames names, ProgressListener progress) {
        InotifyBudget budget = new InotifyBudget(Path.of("/proc"), names.labDir());
        InotifyBudget.Verdict v = budget.check(starting);
        if (v.enough()) {
            return;
        }
        if (budget.raise(v)) {
            progress.on(ProgressEvent.of("nodes", "", "inotify", Status.CHANGED, "raised fs.inotify.max_user_instances from "
                    + v.limit() + " to " + v.wanted() + " (machine-wide): " + v.used() + " are in use and " + starting
                    + " Kubernetes nodes need about " + v.need() + "; it is back to the default after a reboot"));
            return;
        }
        throw new LocalProviderException("not enough inotify instances for " + starting + " more Kubernetes nodes: "
                + "fs.inotify.max_user_instances is " + v.limit() + " for the whole machine, " + v.used() + " are in use, and each"
                + " Kubernetes node needs about " + InotifyBudget.PER_NODE + " (kubelet would fail with 'too many open files')."
                + " Raise it as root: sysctl -w fs.inotify.max_user_instances=" + v.wanted() + ", or bring other labs down; then run up again");
    }

    LocalNames names(Lab lab) {
        return new LocalNames(lab.name(), stateRoot);
    }

    /** The overlay's lower layers as the plan names them: the flanneld layer (when the binary is a local file) above the root filesystem. */
    private List<Path> planLowers(Lab lab) {
        List<Path> lowers = new ArrayList<>();
        if (lab.flannel().binary().file().isPresent()) {
            lowers.add(cacheRoot.resolve("flannel").resolve("layers").resolve("sha256-<digest of the lab's flannel.binary.file>"));
        }
        lowers.add(rootfs.path());
        return lowers;
    }

    /** The lab's flanneld when it is a file on this machine (a URL is left to the engine, which checks its sha256). */
    private Optional<Path> localFlanneld(Lab lab) {
        if (lab.flannel().binary().file().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(FlanneldBinary.resolve(lab, cacheRoot));
        } catch (LocalProviderException missing) {
            return Optional.empty();   // the engine's binary step reports it, with the fix
        }
    }

    private static Optional<Long> runningPid(LocalLabState state, String machine) {
        return state.entries().stream()
                .filter(e -> e.kind() == Kind.PID && e.extra().equals(machine))
                .map(Entry::value).map(Long::parseLong)
                .filter(pid -> NspawnMachine.isOurs(pid, machine))
                .findFirst();
    }

    /** nspawn makes the veth pairs before the node's init starts; fail with its log if it exits first. */
    private void awaitVeths(HostNetworking net, LocalNames names, int index, long pid, String machine, String node) {
        Wait.Outcome<Boolean> links = Wait.until("network links " + names.hostOnlyVeth(index) + ", " + names.natVeth(index))
                .timeout(VETH_WAIT).interval(Duration.ofMillis(50))
                .stopWhenNot(() -> NspawnMachine.isOurs(pid, machine), "systemd-nspawn of " + machine + " exited")
                .holds(() -> net.linkExists(names.hostOnlyVeth(index)) && net.linkExists(names.natVeth(index)));
        if (links.ready()) {
            return;
        }
        throw new LocalProviderException("systemd-nspawn for node " + node + " did not create its network links ("
                + names.hostOnlyVeth(index) + ", " + names.natVeth(index) + "): " + links.failure() + ". Its log:\n" + tail(names.nspawnLog(node))
                + "\nRun 'olab down' to remove what was made.");
    }

    /**
     * Attaches node {@code index}'s veths to the bridge once nspawn has made them. A node whose
     * nspawn exits right after starting (it could not boot) takes its veths away again, so a
     * "Cannot find device" is either that, reported with nspawn's log, or a link that is still
     * settling, waited for and tried again (at most three times).
     */
    private void attach(HostNetworking net, LocalNames names, int index, long pid, String machine, String node) {
        for (int attempt = 1; ; attempt++) {
            awaitVeths(net, names, index, pid, machine, node);
            try {
                net.attachNode(index);
                return;
            } catch (CommandFailedException e) {
                if (!NspawnMachine.isOurs(pid, machine)) {
                    throw new LocalProviderException("systemd-nspawn for node " + node + " exited while its network links were "
                            + "being attached (" + e.getMessage().strip() + "). Its log:\n" + tail(names.nspawnLog(node))
                            + "\nRun 'olab down' to remove what was made.");
                }
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** The console log's last lines, and the cause when they show one we know (inotify instances used up). */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
            return tail + InotifyBudget.explain(tail).map(e -> "\n" + e).orElse("");
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static ProgressEvent timed(String step, String node, long startNanos, Status status, String message) {
        return new ProgressEvent("nodes", node, step, status, Duration.ofNanos(System.nanoTime() - startNanos), message);
    }
}
