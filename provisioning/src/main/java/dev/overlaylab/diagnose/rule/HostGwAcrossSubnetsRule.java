package dev.overlaylab.diagnose.rule;

import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.Rule;
import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * #12: host-gw needs every node on one L2 segment (the peer must be a direct next hop). Seen as node
 * addresses outside one subnet, or {@code ip route get <peer>} answering "via" a gateway.
 */
public final class HostGwAcrossSubnetsRule implements Rule {

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        if (!ctx.lab().flannel().backend().type().equals("host-gw")) {
            return Optional.empty();
        }
        Cidr segment = Cidr.parse(ctx.lab().network().cidr());
        List<String> evidence = new ArrayList<>();
        for (Node n : ctx.lab().nodes()) {
            if (!segment.contains(n.ip())) {
                evidence.add(n.name() + " " + n.ip() + " is outside the host-only segment " + segment);
            }
        }
        for (Node n : ctx.lab().nodes()) {
            ctx.obs().node(n.name()).map(o -> o.routesToPeers()).filter(p -> p.ok()).ifPresent(p -> {
                for (String line : p.stdout().split("\n")) {
                    if (line.contains(" via ")) {
                        evidence.add(n.name() + ": ip route get → " + line.strip().replaceAll("\\s*\\\\\\s*cache.*$", ""));
                    }
                }
            });
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Finding.mode(12, "host-gw between nodes that are not on one L2 segment", evidence,
                "use backend vxlan with DirectRouting: true (direct routes where nodes share a segment, vxlan where they do not)"));
    }
}
