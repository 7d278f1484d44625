package dev.overlaylab.diagnose.rule;

import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.Rule;
import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.AllowedRanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * #10: VirtualBox ≥ 6.1.28 (Linux, macOS) refuses host-only addresses outside 192.168.56.0/21 or,
 * when {@code /etc/vbox/networks.conf} exists, outside the ranges it lists (the file replaces the
 * default), with E_ACCESSDENIED. Judged from the lab file and the host's networks.conf, as
 * {@link AllowedRanges} computes them.
 */
public final class VirtualBoxHostOnlyRangeRule implements Rule {

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        if (!ctx.lab().provider().startsWith("virtualbox")) {
            return Optional.empty();
        }
        String hostOnly = ctx.lab().network().cidr();
        AllowedRanges allowed = AllowedRanges.of(ctx.obs().vboxNetworksConf(), AllowedRanges.NETWORKS_CONF);
        if (allowed.allows(hostOnly)) {
            return Optional.empty();
        }
        List<String> evidence = List.of("network.cidr " + hostOnly + " is outside " + allowed.describe());
        return Optional.of(Finding.mode(10, "the host-only network " + hostOnly + " is outside VirtualBox's allowed ranges",
                evidence, allowed.fixFor(hostOnly)));
    }
}
