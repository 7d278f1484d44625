package dev.overlaylab.diagnose.rule;

import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.NodeObservation;
import dev.overlaylab.diagnose.Rule;
import dev.overlaylab.etcd.Lease;
import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * #3: the flannel Network overlaps the NAT, host-only or another network the nodes route to. Found from the
 * lab file (CIDR arithmetic, the same one validation should refuse) and from {@code ip -4 route} on the nodes:
 * any route into the Network that flannel or docker did not make.
 */
public final class NetworkOverlapRule implements Rule {
    /** VirtualBox's NAT network, which the local provider imitates. */
    public static final String VBOX_NAT = "10.0.2.0/24";
    private static final Set<String> OVERLAY_DEVICES = Set.of("docker0", "flannel.1", "flannel0", "cni0");
    private static final List<String> CANDIDATES = List.of("10.244.0.0/16", "10.1.0.0/16", "172.30.0.0/16", "10.200.0.0/16");

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        Cidr net = ctx.flannelNetwork();
        List<Cidr> taken = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        Cidr hostOnly = Cidr.parse(ctx.lab().network().cidr());
        taken.add(hostOnly);
        if (net.overlaps(hostOnly)) {
            evidence.add("flannel.network " + net + " overlaps the host-only network " + hostOnly);
        }
        if (ctx.lab().provider().startsWith("virtualbox") || ctx.lab().provider().equals("local")) {
            Cidr nat = Cidr.parse(VBOX_NAT);
            taken.add(nat);
            if (net.overlaps(nat)) {
                evidence.add("flannel.network " + net + " overlaps the NAT network " + nat + " every node has");
            }
        }
        for (Node n : ctx.lab().nodes()) {
            ctx.obs().node(n.name()).ifPresent(o -> foreignRoutes(ctx, o, net, taken, evidence));
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        String free = CANDIDATES.stream().map(Cidr::parse).filter(c -> taken.stream().noneMatch(c::overlaps))
                .findFirst().map(Cidr::toString).orElse("a private range no node routes to");
        return Optional.of(Finding.mode(3, "the flannel network " + net + " overlaps a network the nodes already use",
                evidence, "pick a free range for flannel.network, e.g. " + free + " (validation refuses overlaps before anything starts)"));
    }

    private static void foreignRoutes(DiagnosisContext ctx, NodeObservation o, Cidr net, List<Cidr> taken, List<String> evidence) {
        if (!o.routes().ok()) {
            return;
        }
        for (String line : o.routes().stdout().split("\n")) {
            String[] w = line.strip().split("\\s+");
            if (w.length == 0 || w[0].isEmpty() || w[0].equals("default")) {
                continue;
            }
            Optional<Cidr> dst = Cidr.tryParseAddressOrCidr(w[0]);
            String dev = "";
            for (int i = 0; i + 1 < w.length; i++) {
                if (w[i].equals("dev")) {
                    dev = w[i + 1];
                }
            }
            if (dst.isEmpty() || OVERLAY_DEVICES.contains(dev) || isLease(ctx, dst.get())) {
                continue;
            }
            taken.add(dst.get());
            if (dst.get().overlaps(net)) {
                evidence.add(o.node() + ": route \"" + line.strip() + "\" overlaps " + net);
            }
        }
    }

    /** host-gw routes a peer's lease through the host-only NIC: that is flannel's own route. */
    private static boolean isLease(DiagnosisContext ctx, Cidr dst) {
        return ctx.leases().stream().map(Lease::subnet).map(Cidr::tryParseAddressOrCidr)
                .anyMatch(l -> l.isPresent() && l.get().normalized().equals(dst.normalized()));
    }
}
