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
 * The node shell of {@link FakeLab}: answers each command the verifier, the observer and the
 * diagnoser send as that node would, from the lab's state (split from FakeLab to keep each file
 * small; hand-written answers and recorded outputs are described in resources/verify/README.md).
 */
final class FakeLabShell implements NodeShell {
    private static final Pattern TARGET = Pattern.compile("(\\d+\\.\\d+\\.\\d+\\.\\d+)(?::\\d+/\\S*)?\\s*$");

    private final FakeLab lab;
    private final FakeLabNode me;

    FakeLabShell(FakeLab lab, FakeLabNode me) {
        this.lab = lab;
        this.me = me;
    }

    @Override
    public String nodeName() {
        return me.name;
    }

    @Override
    public ExecResult exec(String c, Duration timeout) {
        lab.commands.add(me.name + ": " + c);
        if (dev.overlaylab.testsupport.EvidenceBundles.isBundle(c)) {
            return dev.overlaylab.testsupport.EvidenceBundles.answer(c, this::answer);
        }
        return answer(c);
    }

    private ExecResult answer(String c) {
        if (me.extra.containsKey(c)) {
            return r(c, 0, me.extra.get(c), "");
        }
        for (var e : me.scripts.entrySet()) {
            if (c.contains(e.getKey())) {
                return r(c, 0, e.getValue(), "");
            }
        }
        // before is-active: the pod command starts with its own docker check
        if (c.contains(NodeCommands.POD_RUN)) {
            if (!"active".equals(me.services.get("docker"))) {
                return r(c, NodeCommands.DOCKER_NOT_ACTIVE, "", "docker is not active: no verify pod started\n");
            }
            lab.podsStarted.incrementAndGet();
            return me.podIp == null ? r(c, NodeCommands.NO_POD_IMAGE, "", "no pod image olab/busybox\n")
                    : r(c, 0, me.podIp + " " + me.podPid + "\n", "");
        }
        if (c.startsWith("systemctl is-active ")) {
            StringBuilder sb = new StringBuilder();
            boolean all = true;
            for (String unit : c.substring("systemctl is-active ".length()).split(" ")) {
                String s = me.services.getOrDefault(unit, "inactive");
                all &= s.equals("active");
                sb.append(s).append('\n');
            }
            return r(c, all ? 0 : 3, sb.toString(), "");
        }
        if (c.equals(NodeCommands.subnetEnv())) {
            return me.subnet == null ? r(c, 1, "", "cat: /run/flannel/subnet.env: No such file or directory\n")
                    : r(c, 0, Recorded.load("subnet.env", Map.of("network", lab.network, "subnet", me.subnet, "mtu", "" + lab.mtu)), "");
        }
        if (c.startsWith("docker image inspect ")) {
            return r(c, me.podIp == null ? 1 : 0, "", "");
        }
        if (c.contains("docker import")) {
            return r(c, 1, "", "test: /bin/busybox: No such file or directory\n");
        }
        if (c.equals(NodeCommands.stopPod())) {
            lab.podsRemoved.incrementAndGet();
            return r(c, 0, "olab-verify-pod\n", "");
        }
        if (c.equals(NodeCommands.docker0Address())) {
            return me.docker0 == null ? r(c, 1, "", Recorded.load("ip-addr-docker0-missing.stderr"))
                    : r(c, 0, Recorded.load("ip-addr-docker0.txt", Map.of("docker0", me.docker0, "brd", brd(me.docker0))), "");
        }
        if (c.equals(NodeCommands.docker0Mtu())) {
            return me.docker0 == null ? r(c, 1, "", "cat: /sys/class/net/docker0/mtu: No such file or directory\n")
                    : r(c, 0, me.docker0Mtu + "\n", "");
        }
        if (c.equals(NodeCommands.dockerMtuOption())) {
            return r(c, 0, me.docker0Mtu + "\n", "");
        }
        if (c.equals(NodeCommands.forwardChain())) {
            return r(c, 0, Recorded.load(me.forward, Map.of("network", lab.network)), "");
        }
        if (c.equals(NodeCommands.inputChain())) {
            return r(c, 0, Recorded.load(me.input), "");
        }
        if (c.contains("endpoint health")) {
            return lab.etcdHealthy ? r(c, 0, "", Recorded.load("etcdctl-health-ok.stderr", Map.of("ip", me.ip)))
                    : r(c, 1, "", Recorded.load("etcdctl-health-refused.stderr", Map.of("ip", me.ip)));
        }
        if (c.contains("ETCDCTL_API=3") && c.endsWith(" get /coreos.com/network/config")) {
            return r(c, 0, lab.configApi.equals("v3")
                    ? Recorded.load("etcdctl-get-config-v3.txt", Map.of("network", lab.network, "backend", lab.backend)) : "", "");
        }
        if (c.contains("ETCDCTL_API=2") && c.endsWith(" get /coreos.com/network/config")) {
            if (!lab.v2Enabled) {
                return r(c, 4, "", Recorded.load("etcdctl-v2-disabled.stderr"));
            }
            return lab.configApi.equals("v2")
                    ? r(c, 0, "{\"Network\":\"" + lab.network + "\",\"Backend\":{\"Type\":\"" + lab.backend + "\"}}\n", "")
                    : r(c, 4, "", Recorded.load("etcdctl-v2-key-not-found.stderr"));
        }
        if (c.equals("ss -ltn")) {
            return r(c, 0, Recorded.load(lab.ssTemplate, Map.of("ip", me.ip)), "");
        }
        if (c.equals("ip -o -4 addr show")) {
            String d = me.docker0 == null ? "172.17.0.1/16" : me.docker0;
            return r(c, 0, Recorded.load("ip-addr-all.txt", Map.of("ip", me.ip, "hostbrd", lab.hostPrefix + ".255",
                    "flannel1", Cidr.parse(d).normalized().ip(), "docker0", d, "brd", brd(d))), "");
        }
        if (c.equals("ip -4 route")) {
            return r(c, 0, routes(), "");
        }
        if (c.startsWith("ip -o route get ")) {
            StringBuilder sb = new StringBuilder();
            for (String part : c.split("; ")) {
                String peer = part.substring("ip -o route get ".length());
                sb.append(me.gateway == null ? Recorded.load("ip-route-get.txt", Map.of("peer", peer, "ip", me.ip))
                        : Recorded.load("ip-route-get-via.txt", Map.of("peer", peer, "ip", me.ip, "gateway", me.gateway)));
            }
            return r(c, 0, sb.toString(), "");
        }
        if (c.startsWith("ethtool ")) {
            return r(c, 0, "tx-checksum-ip-generic: on\n", "");
        }
        if (c.startsWith("ping ")) {
            return iputilsPing(c, target(c), 56, !lost(target(c), lab.icmpLost));
        }
        if (c.startsWith("nsenter ") && !c.contains(" -s ")) {
            String t = target(c);
            return iputilsPing(c, t, 56, !lost(t, lab.icmpLost) && podAt(t).isPresent());
        }
        if (c.startsWith("nsenter ")) {
            int size = Integer.parseInt(c.replaceAll(".* -s (\\d+) .*", "$1"));
            boolean ok = !lost(target(c), lab.bigLost) && !lost(target(c), lab.icmpLost) && size + 28 <= lab.mtu;
            return iputilsPing(c, target(c), size, ok);
        }
        if (c.startsWith("timeout 3 nsenter ") && c.contains(" curl ")) {
            String t = target(c);
            Optional<FakeLabNode> peer = podAt(t);
            return peer.isPresent() && !lost(t, lab.tcpLost) ? r(c, 0, NodeCommands.httpBody(peer.get().name) + "\n", "")
                    : r(c, 124, "", ""); // timeout(1) ends the request silently with its own exit code
        }
        return r(c, 127, "", "sh: 1: " + c.split(" ")[0] + ": not found\n");
    }

    private String target(String c) {
        Matcher m = TARGET.matcher(c);
        if (!m.find()) {
            throw new IllegalArgumentException("no target in " + c);
        }
        return m.group(1);
    }

    /** Traffic from this node to an address of another node is lost on that pair; unknown addresses never answer. */
    private boolean lost(String target, Set<String> lossy) {
        for (FakeLabNode n : lab.nodes.values()) {
            if (n == me) {
                continue;
            }
            boolean overlayAddr = target.equals(n.podIp) || (n.docker0 != null && Cidr.parse(n.docker0).ip().equals(target));
            if (target.equals(n.ip)) {
                return false;
            }
            if (overlayAddr) {
                return lossy.contains(me.name + ">" + n.name);
            }
        }
        return true;
    }

    private Optional<FakeLabNode> podAt(String ip) {
        return lab.nodes.values().stream().filter(n -> n != me && ip.equals(n.podIp)).findFirst();
    }

    private ExecResult iputilsPing(String c, String t, int size, boolean ok) {
        Map<String, String> v = Map.of("target", t, "size", "" + size, "wire", "" + (size + 28), "reply", "" + (size + 8));
        return ok ? r(c, 0, Recorded.load("ping-iputils-ok.txt", v), "")
                : r(c, 1, Recorded.load("ping-iputils-loss.txt", v), "");
    }

    private String routes() {
        String d = me.docker0 == null ? "172.17.0.1/16" : me.docker0;
        StringBuilder peers = new StringBuilder();
        for (String[] l : lab.leases) {
            if (!l[0].equals(Cidr.parse(d).normalized().toString())) {
                String s = l[0];
                peers.append(peers.length() > 0 ? "\n" : "").append(lab.backend.equals("host-gw") ? s + " via " + l[1] + " dev enp0s8 "
                        : s + " via " + Cidr.parse(s).ip() + " dev flannel.1 onlink ");
            }
        }
        return Recorded.load("ip-route.txt", Map.of("docker0net", Cidr.parse(d).normalized().toString(),
                "docker0ip", Cidr.parse(d).ip(), "peerroute", peers.toString(), "hostnet", lab.hostPrefix + ".0/24", "ip", me.ip));
    }

    @Override
    public Optional<byte[]> read(String absolutePath) {
        throw new UnsupportedOperationException("verify reads through commands only");
    }

    @Override
    public void write(String absolutePath, byte[] content, int mode, String owner) {
        throw new UnsupportedOperationException("verify never writes");
    }

    @Override
    public void close() {
    }

    private static String brd(String cidr) {
        return Cidr.formatAddress(Cidr.parse(cidr).broadcast());
    }

    private static ExecResult r(String c, int exit, String out, String err) {
        return new ExecResult(List.of("sh", "-c", c), exit, out, err);
    }
}
