package dev.overlaylab.diagnose.rule;

import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.Rule;
import dev.overlaylab.etcd.Lease;
import dev.overlaylab.model.Node;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * #8: the lease changed (expired during an etcd outage, or deleted) while docker0 or subnet.env kept the old
 * subnet. Seen as subnet.env ≠ the node's lease, or docker0 inside the Network but outside FLANNEL_SUBNET.
 * A subnet.env whose lease carries an address that is no node's is #1 (flanneld moved to the NAT NIC and
 * took a new lease under that address, while the node's old lease waits out its 24 h): not this rule's.
 */
public final class StaleLeaseRule implements Rule {

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        if (!ctx.leasesReadable()) {
            return Optional.empty();
        }
        var net = ctx.flannelNetwork();
        List<String> evidence = new ArrayList<>();
        Set<String> nodeIps = ctx.lab().nodes().stream().map(Node::ip).collect(Collectors.toSet());
        Set<String> stale = new LinkedHashSet<>();
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
                stale.add(n.name());
                evidence.add(n.name() + ": subnet.env has FLANNEL_SUBNET=" + subnet.get() + ", which has no lease in etcd"
                        + (mine.isEmpty() ? "" : " (etcd leases " + mine.get(0).subnet() + " to " + n.ip() + ")"));
            } else if (!mine.isEmpty() && !mine.contains(lease.get()) && nodeIps.contains(lease.get().publicIp())) {
                stale.add(n.name());
                evidence.add(n.name() + ": subnet.env has FLANNEL_SUBNET=" + subnet.get() + ", but etcd leases "
                        + mine.get(0).subnet() + " to " + n.ip());
            }
            var docker0 = ctx.docker0(n);
            if (docker0.isPresent() && net.contains(docker0.get().normalized())
                    && !subnet.get().normalized().contains(docker0.get().normalized())) {
                stale.add(n.name());
                evidence.add(n.name() + ": docker0 " + docker0.get() + " kept an old subnet; subnet.env has FLANNEL_SUBNET=" + subnet.get());
            }
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        boolean envStale = evidence.stream().anyMatch(e -> e.contains(": subnet.env has"));
        boolean docker0Stale = evidence.stream().anyMatch(e -> e.contains(": docker0 "));
        String kept = envStale && docker0Stale ? "docker0 and subnet.env" : envStale ? "subnet.env" : "docker0";
        String whose = stale.size() == 1 ? stale.iterator().next() + "'s lease" : "the leases of " + String.join(", ", stale);
        return Optional.of(Finding.mode(8, whose + " changed but " + kept + " kept the old subnet", evidence,
                "on " + String.join(", ", stale) + ": systemctl restart flanneld, then systemctl restart docker "
                        + "(containers started before keep old addresses: recreate them); olab up does the restarts"));
    }
}
