package dev.overlaylab.diagnose.rule;

import dev.overlaylab.model.Cidr;
import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Excerpt;
import dev.overlaylab.diagnose.FailureMode;
import dev.overlaylab.diagnose.FilterTable;
import dev.overlaylab.diagnose.FilterTable.Packet;
import dev.overlaylab.diagnose.FilterTable.Verdict;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.NodeObservation;
import dev.overlaylab.diagnose.Observer;
import dev.overlaylab.diagnose.Repair;
import dev.overlaylab.diagnose.Rule;
import dev.overlaylab.model.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * #4, the other way it happens: a DROP or REJECT rule for the pod network (a firewall's, or a person's)
 * sits ahead of flannel's ACCEPTs, so the chain's order, not its policy, drops the overlay's traffic. The
 * node's whole filter table is walked in order for a pod packet arriving from the overlay and one leaving
 * for it ({@link FilterTable}); only a rule that decides one of them as DROP or REJECT, on a node whose pod
 * traffic failed in the matrix, is a cause. The policy case is {@link ForwardDropRule}'s.
 */
public final class ForwardDropAheadRule implements Rule {

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        List<Excerpt> evidence = new ArrayList<>();
        Map<String, List<String>> removals = new LinkedHashMap<>();
        for (Node n : ctx.lab().nodes()) {
            Optional<NodeObservation> o = ctx.obs().node(n.name());
            if (o.isEmpty() || !o.get().section(Observer.FILTER).ok() || !podTrafficFailed(ctx, n)) {
                continue;
            }
            Set<String> dropping = new LinkedHashSet<>();
            FilterTable table = FilterTable.parse(o.get().section(Observer.FILTER).stdout());
            for (Packet p : packets(ctx, n, o.get())) {
                Verdict v = table.forward(p);
                if (v.drops() && v.rule().startsWith("-A ")) {
                    dropping.add(v.rule());
                }
            }
            for (String rule : dropping) {
                evidence.add(new Excerpt(n.name(), "iptables -S", rule + "\n(read in order, it decides pod traffic before any ACCEPT for "
                        + ctx.flannelNetwork() + ")"));
                removals.computeIfAbsent(n.name(), k -> new ArrayList<>()).add("iptables -D " + rule.substring("-A ".length()));
            }
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        for (Node[] p : ctx.pairs()) {
            if (ctx.pairFailed("pod-ping", p[0], p[1]) && (removals.containsKey(p[0].name()) || removals.containsKey(p[1].name()))) {
                ctx.pairLine("pod-ping", p[0], p[1]).ifPresent(l -> evidence.add(Excerpt.line(l)));
            }
        }
        StringBuilder fix = new StringBuilder("remove the rule (the lab did not make it): ");
        removals.forEach((node, cmds) -> fix.append("on ").append(node).append(": ").append(String.join("; ", cmds)).append(' '));
        fix.append("— or, to keep it, put ACCEPTs for ").append(ctx.flannelNetwork()).append(" ahead of it (iptables -I FORWARD -s ")
                .append(ctx.flannelNetwork()).append(" -j ACCEPT; iptables -I FORWARD -d ").append(ctx.flannelNetwork()).append(" -j ACCEPT)");
        return Optional.of(Finding.of(FailureMode.FORWARD_DROP, "a FORWARD rule drops the pod network " + ctx.flannelNetwork()
                        + " ahead of flannel's ACCEPT rules on " + String.join(", ", removals.keySet()),
                evidence, fix.toString().strip()).withRepair(Repair.force(removals)));
    }

    private static boolean podTrafficFailed(DiagnosisContext ctx, Node n) {
        for (Node[] p : ctx.pairs()) {
            if ((p[0] == n || p[1] == n) && (ctx.pairFailed("pod-ping", p[0], p[1]) || ctx.pairFailed("pod-http", p[0], p[1]))) {
                return true;
            }
        }
        return false;
    }

    /** A pod packet from a peer's subnet in through the overlay to this node's pod, and one the other way. */
    private static List<Packet> packets(DiagnosisContext ctx, Node n, NodeObservation o) {
        Optional<Cidr> local = ctx.subnetEnv(n).flatMap(e -> e.subnet()).or(() -> ctx.docker0(n));
        Optional<Cidr> peer = ctx.lab().nodes().stream().filter(x -> x != n)
                .map(x -> ctx.subnetEnv(x).flatMap(e -> e.subnet())).flatMap(Optional::stream).findFirst();
        if (local.isEmpty() || peer.isEmpty()) {
            return List.of();
        }
        String overlay = switch (ctx.lab().flannel().backend().type()) {
            case "vxlan" -> "flannel.1";
            case "udp" -> "flannel0";
            default -> o.interfaceWith(n.ip()).orElse("eth1");
        };
        Cidr here = host(local.get());
        Cidr there = host(peer.get());
        return List.of(new Packet(overlay, "docker0", there, here), new Packet("docker0", overlay, here, there));
    }

    /** The subnet's second address: where the node's first pod sits (.1 is docker0). */
    private static Cidr host(Cidr subnet) {
        return new Cidr(subnet.network() + 2, 32);
    }
}
