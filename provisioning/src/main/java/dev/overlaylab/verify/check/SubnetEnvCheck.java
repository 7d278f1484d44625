package dev.overlaylab.verify.check;

import dev.overlaylab.etcd.Lease;
import dev.overlaylab.model.Cidr;
import dev.overlaylab.net.SubnetEnv;
import dev.overlaylab.verify.CheckResult;
import java.util.List;
import java.util.Optional;

/**
 * {@code subnet-env}: {@code /run/flannel/subnet.env} exists, names the lab's Network, and its
 * FLANNEL_SUBNET is a lease in etcd — the lease etcd holds for this node's address when there is one.
 * (Whether the lease carries this node's address is {@link LeasePublicIpCheck}'s question.)
 */
public final class SubnetEnvCheck implements NodeCheck {

    @Override
    public String id() {
        return "subnet-env";
    }

    @Override
    public CheckResult check(NodeContext ctx) {
        var facts = ctx.facts();
        var ev = List.of(facts.subnetEnv().evidence(), ctx.leases().evidence());
        Optional<SubnetEnv> env = facts.parsedSubnetEnv();
        if (env.isEmpty()) {
            String why = facts.subnetEnv().ok() ? SubnetEnv.PATH + " lacks FLANNEL_SUBNET, FLANNEL_NETWORK or FLANNEL_MTU"
                    : "no " + SubnetEnv.PATH + ": flanneld has not leased a subnet on this node";
            return fail(ctx, why, ev);
        }
        Cidr subnet = env.get().subnet().orElseThrow();
        Cidr network = env.get().network().orElseThrow();
        if (!network.normalized().equals(ctx.flannelNetwork().normalized())) {
            return fail(ctx, "FLANNEL_NETWORK=" + network + " but the lab's flannel network is " + ctx.flannelNetwork(), ev);
        }
        if (ctx.leases().error().isPresent()) {
            return fail(ctx, "cannot compare FLANNEL_SUBNET=" + subnet + " with etcd: " + ctx.leases().error().get().getMessage(), ev);
        }
        Optional<Lease> lease = ctx.leases().forSubnet(subnet);
        if (lease.isEmpty()) {
            return fail(ctx, "FLANNEL_SUBNET=" + subnet + " has no lease in etcd", ev);
        }
        List<Lease> mine = ctx.leases().withPublicIp(facts.node().ip());
        if (!mine.isEmpty() && !mine.contains(lease.get())) {
            return fail(ctx, "FLANNEL_SUBNET=" + subnet + " but etcd leases " + mine.get(0).subnet() + " to " + facts.node().ip(), ev);
        }
        return CheckResult.pass(id(), ctx.node(), "FLANNEL_SUBNET=" + subnet + " matches lease " + lease.get().subnet(), ev)
                .withDuration(facts.subnetEnv().took());
    }

    private CheckResult fail(NodeContext ctx, String summary, List<dev.overlaylab.verify.Evidence> ev) {
        return CheckResult.fail(id(), ctx.node(), summary, ev).withDuration(ctx.facts().subnetEnv().took());
    }
}
