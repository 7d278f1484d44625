package dev.overlaylab.diagnose.rule;

import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.Rule;
import dev.overlaylab.model.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * #10: VirtualBox ≥ 6.1.28 (Linux, macOS) refuses host-only addresses outside 192.168.56.0/21 unless
 * {@code /etc/vbox/networks.conf} lists them ("not within the allowed ranges"). Judged from the lab file and
 * the host's networks.conf.
 */
public final class VirtualBoxHostOnlyRangeRule implements Rule {
    public static final String ALLOWED_BY_DEFAULT = "192.168.56.0/21";

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        if (!ctx.lab().provider().startsWith("virtualbox")) {
            return Optional.empty();
        }
        Cidr hostOnly = Cidr.parse(ctx.lab().network().cidr());
        List<Cidr> allowed = new ArrayList<>(List.of(Cidr.parse(ALLOWED_BY_DEFAULT)));
        ctx.obs().vboxNetworksConf().ifPresent(conf -> allowed.addAll(listed(conf)));
        if (allowed.stream().anyMatch(a -> a.contains(hostOnly))) {
            return Optional.empty();
        }
        List<String> evidence = new ArrayList<>();
        evidence.add("network.cidr " + hostOnly + " is outside " + ALLOWED_BY_DEFAULT
                + ", the only range VirtualBox ≥ 6.1.28 allows by default");
        evidence.add(ctx.obs().vboxNetworksConf().isPresent() ? "/etc/vbox/networks.conf does not list it"
                : "/etc/vbox/networks.conf does not exist");
        return Optional.of(Finding.mode(10, "the host-only network " + hostOnly + " is outside VirtualBox's allowed ranges",
                evidence, "use a range inside " + ALLOWED_BY_DEFAULT + " (e.g. 192.168.56.0/24), or add the line \"* "
                        + hostOnly + "\" to /etc/vbox/networks.conf"));
    }

    /** Ranges from networks.conf lines such as {@code * 10.0.0.0/8 192.168.0.0/16}. */
    static List<Cidr> listed(String conf) {
        List<Cidr> out = new ArrayList<>();
        for (String line : conf.split("\n")) {
            String l = line.strip();
            if (!l.startsWith("*")) {
                continue;
            }
            for (String w : l.substring(1).strip().split("\\s+")) {
                Cidr.tryParseAddressOrCidr(w).ifPresent(out::add);
            }
        }
        return out;
    }
}
