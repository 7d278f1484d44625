package dev.overlaylab.verify;

import dev.overlaylab.model.Cidr;
import java.util.List;
import java.util.Optional;

/**
 * The FORWARD chain as {@code iptables -S FORWARD; iptables -S FLANNEL-FWD} prints it. flanneld ≥ 0.15
 * puts its ACCEPT rules for the Network in its own FLANNEL-FWD chain, jumped to from FORWARD.
 */
public record ForwardChain(String policy, List<String> rules) {

    public ForwardChain {
        rules = List.copyOf(rules);
    }

    public static ForwardChain parse(String iptablesS) {
        String policy = "";
        List<String> rules = new java.util.ArrayList<>();
        for (String line : iptablesS.split("\n")) {
            String l = line.strip();
            if (l.startsWith("-P FORWARD ")) {
                policy = l.substring("-P FORWARD ".length()).strip();
            } else if (l.startsWith("-A ")) {
                rules.add(l);
            }
        }
        return new ForwardChain(policy, rules);
    }

    public boolean dropsByDefault() {
        return policy.equals("DROP") || policy.equals("REJECT");
    }

    /** An ACCEPT rule (in FORWARD, or in FLANNEL-FWD when FORWARD jumps to it) that lets the Network through. */
    public Optional<String> acceptRuleFor(Cidr network) {
        boolean jumpsToFlannel = rules.stream().anyMatch(r -> r.startsWith("-A FORWARD ") && r.endsWith("-j FLANNEL-FWD"));
        for (String r : rules) {
            boolean inForward = r.startsWith("-A FORWARD ");
            boolean inFlannel = r.startsWith("-A FLANNEL-FWD ") && jumpsToFlannel;
            if (!(inForward || inFlannel) || !r.endsWith("-j ACCEPT")) {
                continue;
            }
            String[] w = r.split("\\s+");
            if (w.length == 4) {
                return Optional.of(r); // "-A FORWARD -j ACCEPT": everything
            }
            for (int i = 0; i + 1 < w.length; i++) {
                boolean negated = i > 0 && w[i - 1].equals("!");
                if ((w[i].equals("-s") || w[i].equals("-d")) && !negated
                        && Cidr.tryParseAddressOrCidr(w[i + 1]).map(c -> c.contains(network)).orElse(false)) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    /** Forwarded overlay traffic gets through: policy ACCEPT, or an ACCEPT rule for the Network. */
    public boolean lets(Cidr network) {
        return !dropsByDefault() || acceptRuleFor(network).isPresent();
    }
}
