package dev.overlaylab.diagnose;

import dev.overlaylab.etcd.EtcdEndpoints;
import dev.overlaylab.etcd.Etcdctl;
import dev.overlaylab.model.EtcdSettings.EtcdApi;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.ssh.NodeShell;
import dev.overlaylab.verify.LeaseView;
import dev.overlaylab.verify.NodeAccess;
import dev.overlaylab.verify.NodeCommands;
import dev.overlaylab.verify.Probe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/** Gathers the diagnoser's extra observations: a handful of read-only commands per node, nodes in parallel. */
public final class Observer {
    private final Path vboxNetworksConf;

    /** Reads the host's {@code /etc/vbox/networks.conf} for VirtualBox labs. */
    public Observer() {
        this(Path.of("/etc/vbox/networks.conf"));
    }

    public Observer(Path vboxNetworksConf) {
        this.vboxNetworksConf = vboxNetworksConf;
    }

    /** {@code ss -ltn} on the master: which addresses etcd's client port is bound to. */
    public static String listeners() {
        return "ss -ltn";
    }

    /**
     * The config read through the v3 API on the master, as text for the evidence. Both APIs are read
     * whatever the lab's: a config behind the other one is exactly what #6 looks for, so this stays a
     * raw probe beside the etcd port (which speaks the lab's API only).
     */
    public static String configV3(Lab lab) {
        return Etcdctl.of(EtcdApi.V3, EtcdEndpoints.fromMaster(lab)).get(lab.etcd().configKey());
    }

    /** The config read through the v2 keys API on the master, as text for the evidence. */
    public static String configV2(Lab lab) {
        return Etcdctl.of(EtcdApi.V2, EtcdEndpoints.fromMaster(lab)).get(lab.etcd().configKey());
    }

    public static String addresses() {
        return "ip -o -4 addr show";
    }

    public static String routes() {
        return "ip -4 route";
    }

    /** How each peer's host-only address is reached: directly on a link, or "via" a gateway. */
    public static String routesTo(List<String> peerIps) {
        return peerIps.stream().map(ip -> "ip -o route get " + ip).collect(Collectors.joining("; "));
    }

    /** The vxlan checksum offload setting (empty output where ethtool is not installed). */
    public static String offload() {
        return "ethtool -k flannel.1 2>/dev/null | grep tx-checksum-ip-generic || true";
    }

    public Observations observe(Lab lab, NodeAccess access) {
        // every read is its own task: at most 7 at once on one node (under sshd's 10 sessions), all nodes together
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(24, 7 * lab.nodes().size() + 4));
        try {
            Future<LeaseView> leases = pool.submit(() -> LeaseView.read(access.leases()));
            NodeShell master = access.shellOrUnreachable(lab.master().name());
            Future<Probe> ss = pool.submit(() -> Probe.run(master, listeners(), NodeCommands.QUICK));
            Future<Probe> v3 = pool.submit(() -> Probe.run(master, configV3(lab), NodeCommands.QUICK));
            Future<Probe> v2 = pool.submit(() -> Probe.run(master, configV2(lab), NodeCommands.QUICK));
            Map<String, PendingNode> nodes = new LinkedHashMap<>();
            for (Node n : lab.nodes()) {
                nodes.put(n.name(), new PendingNode(lab, n, access.shellOrUnreachable(n.name()), pool));
            }
            Map<String, NodeObservation> byName = new LinkedHashMap<>();
            for (var e : nodes.entrySet()) {
                byName.put(e.getKey(), e.getValue().join());
            }
            return new Observations(get(leases), Optional.of(get(ss)), Optional.of(get(v3)), Optional.of(get(v2)), byName,
                    readNetworksConf(lab));
        } finally {
            pool.shutdownNow();
        }
    }

    /** One node's reads, under way. */
    private static final class PendingNode {
        private final String name;
        private final Future<Probe> addresses;
        private final Future<Probe> subnetEnv;
        private final Future<Probe> docker0;
        private final Future<Probe> input;
        private final Future<Probe> routes;
        private final Future<Probe> routesToPeers;
        private final Optional<Future<Probe>> offload;

        PendingNode(Lab lab, Node n, NodeShell shell, ExecutorService pool) {
            List<String> peers = new ArrayList<>();
            lab.nodes().stream().filter(p -> p != n).forEach(p -> peers.add(p.ip()));
            this.name = n.name();
            this.addresses = pool.submit(() -> Probe.run(shell, addresses(), NodeCommands.QUICK));
            this.subnetEnv = pool.submit(() -> Probe.run(shell, NodeCommands.subnetEnv(), NodeCommands.QUICK));
            this.docker0 = pool.submit(() -> Probe.run(shell, NodeCommands.docker0Address(), NodeCommands.QUICK));
            this.input = pool.submit(() -> Probe.run(shell, NodeCommands.inputChain(), NodeCommands.QUICK));
            this.routes = pool.submit(() -> Probe.run(shell, routes(), NodeCommands.QUICK));
            this.routesToPeers = pool.submit(() -> Probe.run(shell, routesTo(peers), NodeCommands.QUICK));
            this.offload = lab.flannel().backend().type().equals("vxlan")
                    ? Optional.of(pool.submit(() -> Probe.run(shell, offload(), NodeCommands.QUICK))) : Optional.empty();
        }

        NodeObservation join() {
            return new NodeObservation(name, get(addresses), get(subnetEnv), get(docker0), get(input), get(routes),
                    get(routesToPeers), offload.map(Observer::get));
        }
    }

    private Optional<String> readNetworksConf(Lab lab) {
        if (!lab.provider().startsWith("virtualbox")) {
            return Optional.empty();
        }
        try {
            return Files.isReadable(vboxNetworksConf) ? Optional.of(Files.readString(vboxNetworksConf)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while observing the lab", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("observing the lab failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
