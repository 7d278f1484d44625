package dev.overlaylab.diagnose.rule;

import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.Rule;
import dev.overlaylab.model.Node;
import dev.overlaylab.verify.Lease;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * #8: the lease changed (expired during an etcd outage, or deleted) while docker0 or subnet.env kept the old
 * subnet. Seen as subnet.env ≠ the node's lease, or docker0 inside the Network but outside FLANNEL_SUBNET.
 */
public final class StaleLeaseRule implements Rule {

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        if (!ctx.leasesReadable()) {
            return Optional.empty();
        }
        var net = ctx.flannelNetwork();
        List<String> evidence = new ArrayList<>();
        for (Node n : ctx.lab().nodes()) {
            var subnet = ctx.subnetEnv(n).flatMap(e -> e.subnet());
            if (subnet.isEmpty()) {
                continue;
            }
            Optional<Lease> lease = ctx.obs().leases().forSubnet(subnet.get());
            List<Lease> mine = ctx.obs().leases().withPublicIp(n.ip());
            if (lease.isPresent() && !lease.get().publicIp().equals(n.ip())) {
                continue; // flanneld registered another address: the lease it left behind is #1's evidence, not a cause
            }
            if (lease.isEmpty()) {
                evidence.add(n.name() + ": subnet.env has FLANNEL_SUBNET=" + subnet.get() + ", which has no lease in etcd"
                        + (mine.isEmpty() ? "" : " (etcd leases " + mine.get(0).subnet() + " to " + n.ip() + ")"));
            } else if (!mine.isEmpty() && !mine.contains(lease.get())) {
                evidence.add(n.name() + ": subnet.env has FLANNEL_SUBNET=" + subnet.get() + ", but etcd leases "
                        + mine.get(0).subnet() + " to " + n.ip());
            }
            var docker0 = ctx.docker0(n);
            if (docker0.isPresent() && net.contains(docker0.get().network())
                    && !subnet.get().network().contains(docker0.get().network())) {
                evidence.add(n.name() + ": docker0 " + docker0.get() + " kept an old subnet; subnet.env has FLANNEL_SUBNET=" + subnet.get());
            }
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Finding.mode(8, "a node's lease changed but docker0 or subnet.env kept the old subnet", evidence,
                "systemctl restart flanneld, then systemctl restart docker on that node (and recreate containers started before)"));
    }
}
