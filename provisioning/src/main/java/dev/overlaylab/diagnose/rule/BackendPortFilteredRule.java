package dev.overlaylab.diagnose.rule;

import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.Repair;
import dev.overlaylab.diagnose.Rule;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.overlaylab.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * #9: a firewall on a node drops the backend's UDP port (8472 vxlan, 8285 udp): node-to-node pings pass,
 * overlay traffic never arrives. Named only with the filtering rule in hand ({@code iptables -S INPUT}) and
 * the overlay failing toward that node while its host-only address answers.
 */
public final class BackendPortFilteredRule implements Rule {

    /** The UDP port the lab's backend listens on, or empty for host-gw. */
    static OptionalInt backendPort(DiagnosisContext ctx) {
        var backend = ctx.lab().flannel().backend();
        Object port = backend.options().get("Port");
        int dflt = switch (backend.type()) {
            case "vxlan" -> 8472;
            case "udp" -> 8285;
            default -> 0;
        };
        if (dflt == 0) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(port == null ? dflt : Integer.parseInt(port.toString()));
        } catch (NumberFormatException e) {
            return OptionalInt.of(dflt);
        }
    }

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        OptionalInt port = backendPort(ctx);
        if (port.isEmpty()) {
            return Optional.empty();
        }
        List<String> evidence = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        // a firewall's rule, not the lab's: --fix removes it only with --force
        Map<String, List<String>> forced = new LinkedHashMap<>();
        for (Node n : ctx.lab().nodes()) {
            var input = ctx.obs().node(n.name()).map(o -> o.input());
            if (input.isEmpty() || !input.get().ok()) {
                continue;
            }
            Optional<String> blocking = blockingRule(input.get().stdout(), port.getAsInt());
            if (blocking.isEmpty()) {
                continue;
            }
            List<String> symptoms = new ArrayList<>();
            for (Node[] p : ctx.pairs()) {
                boolean overlayFails = ctx.pairFailed("ping-docker0", p[0], p[1]) || ctx.pairFailed("pod-ping", p[0], p[1]);
                if (p[1] == n && ctx.pairPassed("ping-host-only", p[0], p[1]) && overlayFails) {
                    ctx.pairLine("ping-host-only", p[0], p[1]).ifPresent(symptoms::add);
                    ctx.pairLine(ctx.pairFailed("ping-docker0", p[0], p[1]) ? "ping-docker0" : "pod-ping", p[0], p[1])
                            .ifPresent(symptoms::add);
                }
            }
            if (!symptoms.isEmpty()) {
                if (blocking.get().startsWith("-A INPUT ")) {
                    // the rule exactly as iptables -S prints it is also what -D needs to delete it
                    String delete = "iptables -D " + blocking.get().substring("-A ".length());
                    removals.add("on " + n.name() + ": " + delete);
                    forced.put(n.name(), List.of(delete));
                }
                evidence.add(n.name() + ": " + blocking.get() + " (iptables -S INPUT)");
                evidence.addAll(symptoms);
            }
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        String type = ctx.lab().flannel().backend().type();
        String accept = "iptables -I INPUT -p udp --dport " + port.getAsInt() + " -s " + ctx.lab().network().cidr() + " -j ACCEPT";
        String fix = removals.isEmpty() ? "open it between the nodes: " + accept
                : "remove the rule: " + String.join("; ", removals)
                        + " (or, to keep that firewall, let the nodes through before it: " + accept + ")";
        return Optional.of(Finding.mode(9, "a firewall drops the " + type + " backend's UDP port " + port.getAsInt(), evidence, fix)
                .withRepair(Repair.force(forced)));
    }

    /** An INPUT rule dropping UDP to the port, or a DROP policy with nothing accepting it. */
    static Optional<String> blockingRule(String iptablesS, int port) {
        boolean dropPolicy = false;
        boolean accepted = false;
        for (String line : iptablesS.split("\n")) {
            String l = line.strip();
            if (l.equals("-P INPUT DROP")) {
                dropPolicy = true;
            }
            if (!l.startsWith("-A INPUT ")) {
                continue;
            }
            // a udp rule naming no port drops the backend's port too (and is what an iptables without its
            // xt_udp extension prints for "-p udp -m udp --dport 8472": the port is lost in the printing)
            boolean matchesPort = l.contains("-p udp") && (mentionsPort(l, port) || !l.contains("--dport"));
            if (matchesPort && (l.endsWith("-j DROP") || l.contains("-j REJECT"))) {
                return Optional.of(l);
            }
            if ((matchesPort || l.equals("-A INPUT -j ACCEPT")) && l.endsWith("-j ACCEPT")) {
                accepted = true;
            }
        }
        return dropPolicy && !accepted ? Optional.of("-P INPUT DROP with no ACCEPT for udp " + port) : Optional.empty();
    }

    private static boolean mentionsPort(String rule, int port) {
        String[] w = rule.split("\\s+");
        for (int i = 0; i + 1 < w.length; i++) {
            if (w[i].equals("--dport") || w[i].equals("--dports")) {
                for (String p : w[i + 1].split(",")) {
                    if (p.equals(String.valueOf(port))) {
                        return true;
                    }
                    String[] range = p.split(":");
                    if (range.length == 2 && Integer.parseInt(range[0]) <= port && port <= Integer.parseInt(range[1])) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
