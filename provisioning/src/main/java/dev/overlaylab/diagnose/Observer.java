package dev.overlaylab.diagnose;

import dev.overlaylab.verify.EvidenceScript;
import dev.overlaylab.verify.EvidenceScript.Section;
import dev.overlaylab.etcd.EtcdEndpoints;
import dev.overlaylab.etcd.Etcdctl;
import dev.overlaylab.model.EtcdSettings.EtcdApi;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profile;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.ssh.NodeShell;
import dev.overlaylab.verify.LeaseView;
import dev.overlaylab.verify.NodeAccess;
import dev.overlaylab.verify.NodeCommands;
import dev.overlaylab.verify.Probe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

/**
 * Gathers the diagnoser's evidence beyond the matrix: every node at once, each with one SSH exec running
 * its {@link EvidenceScript} (units, process command lines, flanneld's journal, ip_forward, the filter and
 * nat chains in order, links, addresses, routes, sockets, subnet.env; on the master also the network config
 * and the leases through both etcd APIs), while the leases are read the usual way.
 */
public final class Observer {
    public static final String UNITS = "units";
    public static final String DOCKERD = "dockerd-cmdline";
    public static final String FLANNELD = "flanneld-cmdline";
    public static final String JOURNAL = "flanneld-journal";
    public static final String IP_FORWARD = "ip-forward";
    public static final String SYSCTL_FILES = "sysctl-files";
    public static final String FILTER = "iptables-filter";
    public static final String INPUT = "iptables-input";
    public static final String NAT = "iptables-nat-postrouting";
    public static final String LINKS = "links";
    public static final String ADDRESSES = "addresses";
    public static final String ROUTES = "routes";
    public static final String ROUTES_TO_PEERS = "routes-to-peers";
    public static final String DOCKER0 = "docker0";
    public static final String SOCKETS = "sockets";
    public static final String SUBNET_ENV = "subnet-env";
    public static final String OFFLOAD = "offload";
    public static final String LISTENERS = "etcd-listeners";
    public static final String CONFIG_V3 = "config-v3";
    public static final String CONFIG_V2 = "config-v2";
    public static final String LEASES_V3 = "leases-v3";
    public static final String LEASES_V2 = "leases-v2";
    /** The whole script on one node: etcdctl's own timeouts (2 s dial, 3 s command) run side by side within it. */
    static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(15);

    private final Path vboxNetworksConf;

    /** Reads the host's {@code /etc/vbox/networks.conf} for VirtualBox labs. */
    public Observer() {
        this(Path.of("/etc/vbox/networks.conf"));
    }

    public Observer(Path vboxNetworksConf) {
        this.vboxNetworksConf = vboxNetworksConf;
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

    /** How each peer's host-only address is reached: directly on a link, or "via" a gateway. */
    public static String routesTo(List<String> peerIps) {
        return peerIps.stream().map(ip -> "ip -o route get " + ip).collect(Collectors.joining("; "));
    }

    /** The sections of one node's script, in the order a person would read them. */
    public static List<Section> sections(Lab lab, Node n) {
        boolean etcdNode = lab.etcdNodes().contains(n);
        String etcdUnit = Profiles.find(lab.profile()).flatMap(Profile::etcdUnitName).orElse("etcd");
        List<Section> s = new ArrayList<>();
        s.add(new Section(UNITS, "systemctl show -p Id,ActiveState,SubState,NRestarts,UnitFileState,DropInPaths,ExecStart "
                + (etcdNode ? etcdUnit + " " : "") + "flanneld docker", false));
        s.add(new Section(DOCKERD, "ps -o args= -C dockerd", false));
        s.add(new Section(FLANNELD, "ps -o args= -C flanneld", false));
        // klog's E/F lines and systemd's own verdicts, without a clean stop's "context canceled" noise; only the
        // last few: the newest reason is the one that counts
        s.add(new Section(JOURNAL, "journalctl -u flanneld -n 300 --no-pager -o cat"
                + " | grep -E '^[EF][0-9]{4} |Failed with result|FAILURE' | grep -vE 'context canceled|err: canceled' | tail -n 4", true));
        s.add(new Section(IP_FORWARD, "sysctl -n net.ipv4.ip_forward", false));
        s.add(new Section(SYSCTL_FILES, "grep -rsH 'ip_forward' /etc/sysctl.conf /etc/sysctl.d /run/sysctl.d /usr/lib/sysctl.d || true", false));
        s.add(new Section(FILTER, "iptables -S", false));
        s.add(new Section(INPUT, NodeCommands.inputChain(), false));
        s.add(new Section(NAT, "iptables -t nat -S POSTROUTING", false));
        s.add(new Section(LINKS, "ip -d -o link show", false));
        s.add(new Section(ADDRESSES, "ip -o -4 addr show", false));
        s.add(new Section(ROUTES, "ip -4 route", false));
        List<String> peers = lab.nodes().stream().filter(p -> p != n).map(Node::ip).toList();
        if (!peers.isEmpty()) {
            s.add(new Section(ROUTES_TO_PEERS, routesTo(peers), false));
        }
        s.add(new Section(DOCKER0, NodeCommands.docker0Address(), false));
        s.add(new Section(SOCKETS, "ss -ltnu", false));
        s.add(new Section(SUBNET_ENV, NodeCommands.subnetEnv(), false));
        if (lab.flannel().backend().type().equals("vxlan")) {
            s.add(new Section(OFFLOAD, "ethtool -k flannel.1 2>/dev/null | grep tx-checksum-ip-generic || true", false));
        }
        s.addAll(KubeEvidence.sections(lab, n));
        if (n == lab.master()) {
            String v3 = Etcdctl.of(EtcdApi.V3, EtcdEndpoints.fromMaster(lab)).base();
            String v2 = Etcdctl.of(EtcdApi.V2, EtcdEndpoints.fromMaster(lab)).base();
            String subnets = lab.etcd().subnetsPrefix().replaceAll("/+$", "");
            s.add(new Section(LISTENERS, "ss -ltn", false));
            s.add(new Section(CONFIG_V3, configV3(lab), true));
            s.add(new Section(CONFIG_V2, configV2(lab), true));
            s.add(new Section(LEASES_V3, v3 + " get --prefix --keys-only " + subnets, true));
            s.add(new Section(LEASES_V2, v2 + " ls " + subnets, true));
        }
        return s;
    }

    public Observations observe(Lab lab, NodeAccess access) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(24, lab.nodes().size() + 1), r -> {
            Thread t = new Thread(r, "olab-observe");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<LeaseView> leases = pool.submit(() -> LeaseView.read(access.leases()));
            Map<String, Future<NodeObservation>> pending = new LinkedHashMap<>();
            for (Node n : lab.nodes()) {
                pending.put(n.name(), pool.submit(() -> observe(lab, n, access.shellOrUnreachable(n.name()))));
            }
            Map<String, NodeObservation> byName = new LinkedHashMap<>();
            for (var e : pending.entrySet()) {
                byName.put(e.getKey(), get(e.getValue()));
            }
            NodeObservation master = byName.get(lab.master().name());
            return new Observations(get(leases), Optional.of(master.section(LISTENERS)), Optional.of(master.section(CONFIG_V3)),
                    Optional.of(master.section(CONFIG_V2)), byName, readNetworksConf(lab));
        } finally {
            pool.shutdownNow();
        }
    }

    /** One node's evidence: one exec. */
    static NodeObservation observe(Lab lab, Node n, NodeShell shell) {
        List<Section> sections = sections(lab, n);
        Probe whole = Probe.run(shell, EvidenceScript.render(sections), SCRIPT_TIMEOUT);
        return new NodeObservation(n.name(), EvidenceScript.parse(sections, whole.result(), whole.took()));
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
