package dev.overlaylab.verify;

import dev.overlaylab.etcd.Lease;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.Lab;
import dev.overlaylab.ssh.NodeShell;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A two-node lab (node1 master at .11, node2 at .12) simulated in process: each node's shell answers the
 * verifier's and observer's commands with recorded outputs filled from a small state model. Healthy by
 * default; the fault methods change the state and the traffic that gets through the way that fault does on
 * real nodes, so the tests read like "take a healthy lab, break one thing, expect one named cause".
 */
public final class FakeLab {
    public String provider = "local";
    public String hostPrefix = "192.168.57";
    public String network = "10.1.0.0/16";
    public String backend = "vxlan";
    public int mtu = 1450;
    public String ssTemplate = "ss-ltn-etcd.txt";
    public boolean etcdHealthy = true;
    public String configApi = "v3";
    public boolean v2Enabled = true;
    public VerificationSettingsHolder verify = new VerificationSettingsHolder();
    public final Map<String, FakeLabNode> nodes = new LinkedHashMap<>();
    public final List<String[]> leases = new ArrayList<>(); // {subnet, publicIp}
    /** "from>to" pairs whose overlay traffic is lost, by kind. */
    public final Set<String> icmpLost = new HashSet<>();
    public final Set<String> tcpLost = new HashSet<>();
    public final Set<String> bigLost = new HashSet<>();
    public final AtomicInteger podsStarted = new AtomicInteger();
    public final AtomicInteger podsRemoved = new AtomicInteger();
    public final List<String> commands = java.util.Collections.synchronizedList(new ArrayList<>());

    /** Settings holder so tests can switch checks off. */
    public static final class VerificationSettingsHolder {
        public boolean pods = true;
        public boolean http = true;
        public boolean mtuProbe = true;
    }

    public static FakeLab healthy() {
        FakeLab f = new FakeLab();
        f.addNode("node1", ".11", "10.1.35", 4242);
        f.addNode("node2", ".12", "10.1.77", 4343);
        return f;
    }

    /** {@link #healthy()} and {@code n - 2} more healthy nodes (node3 on 10.1.103.0/24, …). */
    public static FakeLab healthy(int n) {
        FakeLab f = healthy();
        for (int i = 3; i <= n; i++) {
            f.addNode("node" + i, "." + (10 + i), "10.1." + (100 + i), 5000 + i);
        }
        return f;
    }

    private void addNode(String name, String host, String subnet3, long pid) {
        FakeLabNode n = new FakeLabNode(name, hostPrefix + host);
        if (nodes.isEmpty()) {
            n.services.put("etcd", "active");
        }
        n.services.put("flanneld", "active");
        n.services.put("docker", "active");
        n.subnet = subnet3 + ".1/24";
        n.docker0 = subnet3 + ".1/24";
        n.docker0Mtu = mtu;
        n.podIp = subnet3 + ".2";
        n.podPid = pid;
        nodes.put(name, n);
        leases.add(new String[] {subnet3 + ".0/24", n.ip});
    }

    public FakeLabNode node(String name) {
        return nodes.get(name);
    }

    /** Renumbers the overlay: network {@code 10.0.0.0/16} with subnets 10.0.35/24 and 10.0.77/24. */
    public FakeLab overlay(String net, String... subnets3) {
        network = net;
        leases.clear();
        int i = 0;
        for (FakeLabNode n : nodes.values()) {
            String s3 = subnets3[i++];
            n.subnet = s3 + ".1/24";
            n.docker0 = s3 + ".1/24";
            n.podIp = s3 + ".2";
            leases.add(new String[] {s3 + ".0/24", n.ip});
        }
        return this;
    }

    public FakeLab hostNetwork(String prefix3) {
        hostPrefix = prefix3;
        int i = 0;
        for (FakeLabNode n : nodes.values()) {
            String old = n.ip;
            n.ip = prefix3 + (i++ == 0 ? ".11" : ".12");
            leases.forEach(l -> {
                if (l[1].equals(old)) {
                    l[1] = n.ip;
                }
            });
        }
        return this;
    }

    public void loseOverlay(String kind, String from, String to) {
        String key = from + ">" + to;
        switch (kind) {
            case "all" -> {
                icmpLost.add(key);
                tcpLost.add(key);
                bigLost.add(key);
            }
            case "tcp" -> tcpLost.add(key);
            case "big" -> bigLost.add(key);
            default -> throw new IllegalArgumentException(kind);
        }
    }

    public void loseOverlayBothWays(String kind) {
        loseOverlay(kind, "node1", "node2");
        loseOverlay(kind, "node2", "node1");
    }

    public Lab lab() {
        List<String> ips = nodes.values().stream().map(n -> n.ip).toList();
        var v = new dev.overlaylab.model.VerifySettings(verify.pods, verify.http, verify.mtuProbe, "olab/busybox");
        return TestLabs.lab("olv-test", provider, hostPrefix + ".0/24", ips, network, backend, v);
    }

    public NodeAccess access() {
        return new NodeAccess() {
            @Override
            public NodeShell shell(String nodeName) {
                return new FakeLabShell(FakeLab.this, nodes.get(nodeName));
            }

            @Override
            public LeaseSource leases() {
                // what the etcd port returns; the port's own reading of etcdctl output is EtcdctlPortTest's
                return () -> leases.stream().map(l -> new Lease(l[0], l[1], backend)).toList();
            }
        };
    }

    // ---- one fault each, as docs/failure-modes.md describes it; the number is the table row ----

    /** #1 as flannel ≥ 0.10 does it: node2's flanneld registers 10.0.2.15, finds node1's lease by that IP and reuses it. */
    public FakeLab natInterfaceSharedLease() {
        leases.clear();
        leases.add(new String[] {"10.1.35.0/24", "10.0.2.15"});
        FakeLabNode n2 = node("node2");
        n2.subnet = "10.1.35.1/24";
        n2.docker0 = "10.1.35.1/24";
        n2.podIp = "10.1.35.2";
        loseOverlayBothWays("all");
        return this;
    }

    /** #1 where each node got its own lease, both carrying the NAT address. */
    public FakeLab natInterfaceTwoLeases() {
        leases.forEach(l -> l[1] = "10.0.2.15");
        loseOverlayBothWays("all");
        return this;
    }

    // ---- the same faults as they look when injected into a lab that was up (recorded on a local 2-node lab) ----

    /**
     * #1 on a lab that was up: both flanneld moved to the NAT NIC. Their old leases stay in etcd (24 h TTL),
     * the first node took a new lease under 10.0.2.15 and the second found it by that PublicIP and reused it.
     */
    public FakeLab natInterfaceOnALiveLab() {
        leases.add(new String[] {"10.1.47.0/24", "10.0.2.15"});
        for (FakeLabNode n : nodes.values()) {
            n.subnet = "10.1.47.1/24";
            n.docker0 = "10.1.47.1/24";
            n.podIp = "10.1.47.2";
        }
        return this;
    }

    /**
     * node2's flanneld restarted and cannot get its config: it stays "activating", docker (Requires=flanneld)
     * stopped with it; subnet.env and docker0 are left from before, the emptied bridge back at the kernel's 1500.
     */
    private void flanneldRestartedWithoutConfig() {
        FakeLabNode n2 = node("node2");
        n2.services.put("flanneld", "activating");
        n2.services.put("docker", "inactive");
        n2.podIp = null;
        n2.docker0Mtu = 1500;
    }

    /** #5 on a lab that was up: etcd moved to loopback only, then node2's flanneld was restarted. */
    public FakeLab etcdLoopbackOnlyOnALiveLab() {
        ssTemplate = "ss-ltn-etcd-loopback.txt";
        etcdHealthy = false;
        flanneldRestartedWithoutConfig();
        return this;
    }

    /** #6 on a lab that was up: v3 key deleted, config written through v2, then node2's flanneld restarted. */
    public FakeLab configWrittenThroughV2OnALiveLab() {
        configApi = "v2";
        flanneldRestartedWithoutConfig();
        return this;
    }

    /** #7 as a fresh docker without the drop-in starts: docker0 on 172.17.0.1/16 with docker's own MTU 1500. */
    public FakeLab dockerWithoutDropInMtuToo() {
        dockerWithoutDropIn();
        node("node2").docker0Mtu = 1500;
        return this;
    }

    /**
     * #1 as seen when a running lab's flanneld loses its --iface (done on a real lab): node2 registers 10.0.2.15
     * and takes a new lease, its earlier lease (with its host-only address) stays in etcd, docker follows.
     */
    public FakeLab natInterfaceAfterRestart() {
        FakeLabNode n2 = node("node2");
        leases.add(new String[] {"10.1.52.0/24", "10.0.2.15"});
        n2.subnet = "10.1.52.1/24";
        n2.docker0 = "10.1.52.1/24";
        n2.podIp = "10.1.52.2";
        loseOverlayBothWays("all");
        return this;
    }

    /** #2: node2's docker runs without --mtu: docker0 and its veths at 1500 over a 1450 overlay. */
    public FakeLab mtuMismatch() {
        node("node2").docker0Mtu = 1500;
        return this;
    }

    /** #3: flannel.network 10.0.0.0/16 swallows the NAT network 10.0.2.0/24 every node sits on. */
    public FakeLab networkOverlapsNat() {
        return overlay("10.0.0.0/16", "10.0.35", "10.0.77");
    }

    /** #4: node2's FORWARD policy is DROP (docker) and flanneld added no FLANNEL-FWD rules. */
    public FakeLab forwardDrop() {
        node("node2").forward = "iptables-forward-docker-only.txt";
        icmpLost.add("node1>node2");
        tcpLost.add("node1>node2");
        bigLost.add("node1>node2");
        return this;
    }

    /** What every node looks like when flanneld never gets its config: no lease, no subnet.env, docker refuses to start. */
    private void flannelNeverStarted() {
        leases.clear();
        for (FakeLabNode n : nodes.values()) {
            n.services.put("flanneld", "activating");
            n.services.put("docker", "failed");
            n.subnet = null;
            n.docker0 = null;
            n.podIp = null;
            n.forward = "iptables-forward-accept.txt";
        }
    }

    /** #5: etcd listens on 127.0.0.1 only; every flanneld dials the host-only address and is refused. */
    public FakeLab etcdLoopbackOnly() {
        ssTemplate = "ss-ltn-etcd-loopback.txt";
        etcdHealthy = false;
        flannelNeverStarted();
        return this;
    }

    /** #6: the config was written with etcdctl v2 (flannel 0.28 reads v3). */
    public FakeLab configWrittenThroughV2() {
        configApi = "v2";
        flannelNeverStarted();
        return this;
    }

    /**
     * #6 on a running lab (done on a real one): config moved to v2, master's flanneld restarted and stuck
     * activating, docker stopped with it (Requires=) and left an empty docker0 at MTU 1500; node1 still runs.
     */
    public FakeLab configMovedToV2WhileRunning() {
        configApi = "v2";
        FakeLabNode m = node("node1");
        m.services.put("flanneld", "activating");
        m.services.put("docker", "inactive");
        m.docker0Mtu = 1500;
        m.podIp = null;
        return this;
    }

    /** Docker was already running before flanneld (an image with docker enabled): default bridge, FORWARD DROP. */
    public FakeLab dockerAlreadyRunningOnItsDefaultBridge() {
        int i = 2;
        for (FakeLabNode n : nodes.values()) {
            n.services.put("docker", "active");
            n.docker0 = "172.17.0.1/16";
            n.podIp = "172.17.0." + i++;
            n.forward = "iptables-forward-docker-only.txt";
        }
        return this;
    }

    /**
     * #7: docker on node2 started without the drop-in: docker0 on docker's default 172.17.0.1/16 with its default
     * MTU 1500. From node2's pod, traffic still reaches node1's pod: docker masquerades 172.17.0.0/16 leaving
     * docker0, so node1 answers node2's flannel.1 address (seen on a real lab).
     */
    public FakeLab dockerWithoutDropIn() {
        FakeLabNode n2 = node("node2");
        n2.docker0 = "172.17.0.1/16";
        n2.docker0Mtu = 1500;
        n2.podIp = "172.17.0.2";
        loseOverlay("all", "node1", "node2");
        return this;
    }

    /** #8: node2's lease expired and flanneld took 10.1.90.0/24; docker was not restarted and kept 10.1.77.1/24. */
    public FakeLab staleLease() {
        leases.removeIf(l -> l[0].equals("10.1.77.0/24"));
        leases.add(new String[] {"10.1.90.0/24", node("node2").ip});
        node("node2").subnet = "10.1.90.1/24";
        loseOverlayBothWays("all");
        return this;
    }

    /** #9: a firewall on node2 drops udp 8472: vxlan packets leave node1 and never arrive. */
    public FakeLab vxlanPortFiltered() {
        node("node2").input = "iptables-input-vxlan-drop.txt";
        loseOverlayBothWays("all");
        return this;
    }

    /** #10: a VirtualBox lab on 192.168.100.0/24, outside what VirtualBox ≥ 6.1.28 allows by default. */
    public FakeLab virtualBoxOutsideAllowedRange() {
        provider = "virtualbox";
        return hostNetwork("192.168.100");
    }

    /** #11: vxlan checksum offload bug: ICMP fine, TCP across the overlay lost. */
    public FakeLab checksumOffload() {
        loseOverlayBothWays("tcp");
        return this;
    }

    /** #12: host-gw with node2 on another subnet behind a router. */
    public FakeLab hostGwAcrossRouter() {
        backend = "host-gw";
        mtu = 1500;
        nodes.values().forEach(n -> n.docker0Mtu = 1500);
        FakeLabNode n2 = node("node2");
        String old = n2.ip;
        n2.ip = "192.168.58.12";
        leases.forEach(l -> {
            if (l[1].equals(old)) {
                l[1] = n2.ip;
            }
        });
        node("node1").gateway = "192.168.57.1";
        n2.gateway = "192.168.58.1";
        loseOverlayBothWays("all");
        return this;
    }

    public FakeLab backend(String type) {
        backend = type;
        mtu = switch (type) {
            case "host-gw" -> 1500;
            case "udp" -> 1472;
            default -> 1450;
        };
        nodes.values().forEach(n -> n.docker0Mtu = mtu);
        return this;
    }

    public FakeLab provider(String id) {
        provider = id;
        return this;
    }
}
