package dev.overlaylab.verify.check;

import dev.overlaylab.etcd.Lease;
import dev.overlaylab.verify.CheckResult;
import java.util.List;
import java.util.Optional;

/**
 * {@code lease-public-ip}: the node's lease (the one its subnet.env names, else the one carrying its
 * address) has PublicIP = the node's host-only address. A NAT address here (10.0.2.15) means flanneld bound
 * to the wrong NIC and every peer sends overlay traffic to the wrong place.
 */
public final class LeasePublicIpCheck implements NodeCheck {

    @Override
    public String id() {
        return "lease-public-ip";
    }

    @Override
    public CheckResult check(NodeContext ctx) {
        var ev = List.of(ctx.leases().evidence());
        String ip = ctx.facts().node().ip();
        if (ctx.leases().error().isPresent()) {
            return CheckResult.fail(id(), ctx.node(), "cannot read leases: " + ctx.leases().error().get().getMessage(), ev);
        }
        Optional<Lease> lease = ctx.facts().parsedSubnetEnv().flatMap(e -> e.subnet()).flatMap(s -> ctx.leases().forSubnet(s))
                .or(() -> ctx.leases().withPublicIp(ip).stream().findFirst());
        if (lease.isEmpty()) {
            return CheckResult.fail(id(), ctx.node(), "no lease in etcd belongs to " + ctx.node() + " (" + ip + ")", ev);
        }
        boolean ok = lease.get().publicIp().equals(ip);
        return CheckResult.of(ok, id(), ctx.node(), ok
                ? "lease " + lease.get().subnet() + " has PublicIP " + ip
                : "lease " + lease.get().subnet() + " has PublicIP " + lease.get().publicIp() + ", not the host-only address " + ip, ev);
    }
}
