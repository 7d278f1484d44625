package dev.overlaylab.diagnose;

import dev.overlaylab.model.Cidr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The filter table as {@code iptables -S} prints it, walked in order for one forwarded packet: which rule
 * decides its fate. This is how a DROP placed ahead of flannel's ACCEPTs is told apart from one behind them
 * (which never sees the packet). Matches it cannot judge (ipset, marks, …) count as not matching, so a rule
 * it does not understand never becomes a cause; conntrack state is judged for a new connection.
 */
public final class FilterTable {
    private static final Set<String> TERMINAL = Set.of("ACCEPT", "DROP", "REJECT");
    private static final int MAX_DEPTH = 12;

    private final Map<String, List<String>> chains = new LinkedHashMap<>();
    private final Map<String, String> policies = new LinkedHashMap<>();

    /** A forwarded packet: where it comes in, where it goes out, from and to which address. */
    public record Packet(String in, String out, Cidr src, Cidr dst) {
    }

    /** What decided the packet: the rule (or {@code -P FORWARD X}) and its verdict. */
    public record Verdict(String rule, String target) {
        public boolean drops() {
            return target.equals("DROP") || target.equals("REJECT");
        }
    }

    public static FilterTable parse(String iptablesS) {
        FilterTable t = new FilterTable();
        for (String line : iptablesS.split("\n")) {
            List<String> w = tokens(line.strip());
            if (w.size() >= 3 && w.get(0).equals("-P")) {
                t.policies.put(w.get(1), w.get(2));
                t.chains.computeIfAbsent(w.get(1), k -> new ArrayList<>());
            } else if (w.size() >= 2 && w.get(0).equals("-N")) {
                t.chains.computeIfAbsent(w.get(1), k -> new ArrayList<>());
            } else if (w.size() >= 2 && w.get(0).equals("-A")) {
                t.chains.computeIfAbsent(w.get(1), k -> new ArrayList<>()).add(line.strip());
            }
        }
        return t;
    }

    /** The rule that decides a forwarded packet, or the FORWARD policy. */
    public Verdict forward(Packet p) {
        return walk("FORWARD", p, 0).orElseGet(() -> new Verdict("-P FORWARD " + policies.getOrDefault("FORWARD", "ACCEPT"),
                policies.getOrDefault("FORWARD", "ACCEPT")));
    }

    private Optional<Verdict> walk(String chain, Packet p, int depth) {
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        for (String rule : chains.getOrDefault(chain, List.of())) {
            List<String> w = tokens(rule);
            Optional<String> target = matches(w, p);
            if (target.isEmpty()) {
                continue;
            }
            String t = target.get();
            if (TERMINAL.contains(t)) {
                return Optional.of(new Verdict(rule, t));
            }
            if (t.equals("RETURN")) {
                return Optional.empty();
            }
            if (chains.containsKey(t)) {
                Optional<Verdict> inner = walk(t, p, depth + 1);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            // LOG, MARK, …: the packet goes on
        }
        return Optional.empty();
    }

    /** The rule's target when every match holds for the packet; empty when one does not, or cannot be judged. */
    static Optional<String> matches(List<String> w, Packet p) {
        String target = null;
        boolean negate = false;
        for (int i = 2; i < w.size(); i++) {
            String o = w.get(i);
            String v = i + 1 < w.size() ? w.get(i + 1) : "";
            switch (o) {
                case "!" -> {
                    negate = true;
                    continue;
                }
                case "-s", "-d" -> {
                    Optional<Cidr> c = Cidr.tryParse(v.contains("/") ? v : v + "/32");
                    if (c.isEmpty() || c.get().contains(o.equals("-s") ? p.src() : p.dst()) == negate) {
                        return Optional.empty();
                    }
                    i++;
                }
                case "-i", "-o" -> {
                    if (iface(v, o.equals("-i") ? p.in() : p.out()) == negate) {
                        return Optional.empty();
                    }
                    i++;
                }
                case "-p" -> i++; // judged for any protocol: a drop of one protocol still drops the Network's traffic
                case "-m" -> {
                    i++;
                    if (!v.equals("comment") && !v.equals("conntrack") && !v.equals("state") && !v.equals("tcp")
                            && !v.equals("udp") && !v.equals("icmp")) {
                        return Optional.empty();
                    }
                }
                case "--ctstate", "--state" -> {
                    if (v.contains("NEW") == negate) {
                        return Optional.empty();
                    }
                    i++;
                }
                case "-j", "-g" -> {
                    target = v;
                    i++;
                }
                default -> {
                    if (o.startsWith("--")) {
                        // a module's option (--comment, --dport, --reject-with, …): skip its value
                        if (i + 1 < w.size() && !w.get(i + 1).startsWith("-")) {
                            i++;
                        }
                    } else {
                        return Optional.empty();
                    }
                }
            }
            negate = false;
        }
        return Optional.ofNullable(target);
    }

    private static boolean iface(String pattern, String name) {
        return pattern.endsWith("+") ? name.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(name);
    }

    /** Words of an {@code iptables -S} line; double-quoted words (comments) stay one word. */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(cur.toString());
        }
        return out;
    }
}
