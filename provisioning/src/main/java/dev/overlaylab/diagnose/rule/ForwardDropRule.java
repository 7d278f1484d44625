package dev.overlaylab.diagnose.rule;

import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.Rule;
import dev.overlaylab.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * #4: the FORWARD policy is DROP (docker ≥ 1.13 sets it) and nothing accepts the flannel Network: packets
 * arrive on the peer node and never reach its containers. Only judged where flanneld runs (a flanneld that
 * never started never had the chance to add its FLANNEL-FWD rules; that is another cause). Read from the
 * matrix's {@code forward-policy} check, which saw the chain when the pod checks ran.
 */
public final class ForwardDropRule implements Rule {

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        var net = ctx.flannelNetwork();
        List<String> evidence = new ArrayList<>();
        for (Node n : ctx.lab().nodes()) {
            // judged from the matrix's own reading: flanneld re-adds its FLANNEL-FWD jump every few seconds, so a
            // second look could see a chain the failed pod checks never met
            if (!ctx.active(n, "flanneld") || !ctx.failed("forward-policy", n)) {
                continue;
            }
            ctx.nodeLine("forward-policy", n).ifPresent(evidence::add);
            for (Node[] p : ctx.pairs()) {
                if (p[1] == n && ctx.pairFailed("pod-ping", p[0], p[1])) {
                    ctx.pairLine("pod-ping", p[0], p[1]).ifPresent(evidence::add);
                }
            }
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Finding.mode(4, "the FORWARD chain drops overlay traffic (policy DROP, no ACCEPT for " + net + ")",
                evidence, "let flanneld add its rules (--iptables-forward-rules, the default) or add them yourself: "
                        + "iptables -A FORWARD -s " + net + " -j ACCEPT; iptables -A FORWARD -d " + net + " -j ACCEPT"));
    }
}
