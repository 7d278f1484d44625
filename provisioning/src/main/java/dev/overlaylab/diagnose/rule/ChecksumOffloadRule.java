package dev.overlaylab.diagnose.rule;

import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.Rule;
import dev.overlaylab.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * #11: the vxlan checksum offload bug seen in VMs: ICMP crosses the overlay, TCP does not. Named when a pod
 * pings the peer pod but cannot fetch its page, and MTU is not the explanation (that is #2).
 */
public final class ChecksumOffloadRule implements Rule {

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        if (!ctx.lab().flannel().backend().type().equals("vxlan")) {
            return Optional.empty();
        }
        List<String> evidence = new ArrayList<>();
        for (Node[] p : ctx.pairs()) {
            if (ctx.pairPassed("pod-ping", p[0], p[1]) && ctx.pairFailed("pod-http", p[0], p[1])
                    && !ctx.failed("docker0-mtu", p[0]) && !ctx.failed("docker0-mtu", p[1])) {
                ctx.pairLine("pod-ping", p[0], p[1]).ifPresent(evidence::add);
                ctx.pairLine("pod-http", p[0], p[1]).ifPresent(evidence::add);
            }
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        for (Node n : ctx.lab().nodes()) {
            ctx.obs().node(n.name()).flatMap(o -> o.offload()).map(p -> p.stdout().strip()).filter(s -> !s.isEmpty())
                    .ifPresent(s -> evidence.add(n.name() + ": flannel.1 " + s));
        }
        return Optional.of(Finding.mode(11, "vxlan checksum offload: ICMP crosses the overlay, TCP does not", evidence,
                "on every node: ethtool -K flannel.1 tx-checksum-ip-generic off (and make it persistent in the flanneld unit)"));
    }
}
