package dev.overlaylab.provider.local;

import dev.overlaylab.exec.CommandFailedException;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ExecRunner;
import dev.overlaylab.model.Cidr;
import dev.overlaylab.provider.local.LocalLabState.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lab's links on the host: one bridge holding the host-only network (host side {@code .1}),
 * the host sides of each node's two veths, and, only when the host filters bridged traffic, one
 * ACCEPT rule so node-to-node packets on the lab's own bridge are not dropped.
 *
 * <p>Nothing here routes or masquerades: the NAT-like veths stay address-less and unbridged (a
 * node's packets to 10.0.2.2 go nowhere), and the host's ip_forward is never touched.
 */
final class HostNetworking {
    private static final Duration IP_TIMEOUT = Duration.ofSeconds(15);
    static final int ARP_RETRANS_MS = 100;
    static final Path BRIDGE_NETFILTER = Path.of("/proc/sys/net/bridge/bridge-nf-call-iptables");

    private final ExecRunner runner;
    private final LocalNames names;
    private final LocalLabState state;

    HostNetworking(ExecRunner runner, LocalNames names, LocalLabState state) {
        this.runner = runner;
        this.names = names;
        this.state = state;
    }

    boolean linkExists(String name) {
        return runner.run(List.of("ip", "link", "show", "dev", name), IP_TIMEOUT).ok();
    }

    /** Creates the bridge with the host's address on it, unless it is already there; true when something changed. */
    boolean ensureBridge(String hostIp, int prefixLength) {
        String br = names.bridge();
        boolean changed = false;
        if (!linkExists(br)) {
            ip("link", "add", br, "type", "bridge");
            changed = true;
        }
        state.record(Kind.LINK, br);
        String cidr = hostIp + "/" + prefixLength;
        String addrs = runner.check(List.of("ip", "-o", "addr", "show", "dev", br), IP_TIMEOUT).stdout();
        if (!addrs.contains(" " + cidr + " ")) {
            ip("addr", "add", cidr, "dev", br);
            changed = true;
        }
        // No IPv6 link-local chatter from the host into the lab.
        runner.run(List.of("sysctl", "-q", "-w", "net.ipv6.conf." + br + ".disable_ipv6=1"), IP_TIMEOUT);
        // The first SSH probe of a booting node goes out before the node has its address: the host's ARP request goes
        // unanswered, and the kernel asks again only after retrans_time (1 s by default), however often the probe
        // connects meanwhile. So every node's SSH came ~1 s after its sshd listened. Ask every 100 ms on this bridge
        // only (its nodes are the sole neighbours; 3 unanswered asks mark the entry failed, the next probe asks anew).
        runner.run(List.of("sysctl", "-q", "-w", "net.ipv4.neigh." + br + ".retrans_time_ms=" + ARP_RETRANS_MS), IP_TIMEOUT);
        ip("link", "set", br, "up");
        return changed;
    }

    /**
     * Another interface of this host already holding an address in the lab's network would make
     * the host route the lab's traffic there (or the lab's traffic into someone else's network).
     */
    Optional<String> conflictingInterface(String networkCidr) {
        ExecResult r = runner.run(List.of("ip", "-o", "-4", "addr", "show"), IP_TIMEOUT);
        for (String line : r.stdout().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && Cidr.tryParseAddressOrCidr(f[3]).map(a -> Cidr.parse(networkCidr).contains(a.address())).orElse(false) && !f[1].equals(names.bridge())) {
                return Optional.of(f[1] + " has " + f[3]);
            }
        }
        return Optional.empty();
    }

    /** Attaches a node's host-only veth to the bridge and brings both veths up (the NAT one address-less). */
    void attachNode(int index) {
        String hostOnly = names.hostOnlyVeth(index);
        String nat = names.natVeth(index);
        state.record(Kind.LINK, hostOnly);
        state.record(Kind.LINK, nat);
        ip("link", "set", hostOnly, "master", names.bridge());
        ip("link", "set", hostOnly, "up");
        runner.run(List.of("sysctl", "-q", "-w", "net.ipv6.conf." + nat + ".disable_ipv6=1"), IP_TIMEOUT);
        ip("link", "set", nat, "up");
    }

    /**
     * With br_netfilter loaded, frames crossing a bridge go through the host's iptables FORWARD
     * chain. When that chain drops by default (a host running docker does), node-to-node traffic on
     * the lab's bridge would vanish; one rule scoped to this bridge lets it through. Checked for
     * both iptables back ends, since a host may have rules in either.
     */
    void allowBridgedTraffic() {
        if (!Files.exists(BRIDGE_NETFILTER) || readTrim(BRIDGE_NETFILTER).equals("0")) {
            return;
        }
        for (String program : List.of("iptables-nft", "iptables-legacy")) {
            ExecResult chain = runner.run(List.of(program, "-w", "5", "-S", "FORWARD"), IP_TIMEOUT);
            if (!chain.ok() || chain.stdout().contains("-P FORWARD ACCEPT")) {
                continue;
            }
            List<String> spec = forwardRule();
            List<String> probe = new ArrayList<>(List.of(program, "-w", "5", "-C", "FORWARD"));
            probe.addAll(spec);
            state.record(Kind.IPTABLES, program, String.join(" ", spec));
            if (!runner.run(probe, IP_TIMEOUT).ok()) {
                List<String> insert = new ArrayList<>(List.of(program, "-w", "5", "-I", "FORWARD"));
                insert.addAll(spec);
                runner.check(insert, IP_TIMEOUT);
            }
        }
    }

    List<String> forwardRule() {
        return List.of("-i", names.bridge(), "-o", names.bridge(), "-m", "comment", "--comment",
                "olab:" + names.lab(), "-j", "ACCEPT");
    }

    /**
     * Deletes a link if it is there. A node's veth goes away by itself when its namespace dies, and
     * that can happen between looking and deleting (seen in CI after a Kubernetes node stopped), so
     * "Cannot find device" means done, not failed.
     */
    void deleteLink(String name) {
        if (!linkExists(name)) {
            return;
        }
        ExecResult r = runner.run(List.of("ip", "link", "del", name), IP_TIMEOUT);
        if (!r.ok() && !r.stderr().contains("Cannot find device")) {
            throw new CommandFailedException(r, "remove the link by hand: ip link del " + name);
        }
    }

    void deleteRule(String program, String spec) {
        List<String> argv = new ArrayList<>(List.of(program, "-w", "5", "-D", "FORWARD"));
        argv.addAll(List.of(spec.split(" ")));
        ExecResult r = runner.run(argv, IP_TIMEOUT);
        if (!r.ok() && !r.stderr().contains("does a matching rule exist")) {
            throw new CommandFailedException(r, "remove the rule by hand: " + program + " -D FORWARD " + spec);
        }
    }

    private void ip(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip"));
        argv.addAll(List.of(args));
        runner.check(argv, IP_TIMEOUT);
    }

    /** A /proc/sys value: read in one call (JDK 17's Files.readString returns only the first byte of such a file). */
    private static String readTrim(Path p) {
        try (java.io.InputStream in = Files.newInputStream(p)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim();
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
