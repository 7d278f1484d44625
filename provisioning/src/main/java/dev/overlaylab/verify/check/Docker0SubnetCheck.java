package dev.overlaylab.verify.check;

import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.Ipv4Cidr;
import java.util.List;
import java.util.Optional;

/** {@code docker0-subnet}: docker0 holds an address inside FLANNEL_SUBNET (docker took {@code --bip} from subnet.env). */
public final class Docker0SubnetCheck implements NodeCheck {

    @Override
    public String id() {
        return "docker0-subnet";
    }

    @Override
    public CheckResult check(NodeContext ctx) {
        var facts = ctx.facts();
        var ev = List.of(facts.docker0Address().evidence(), facts.subnetEnv().evidence());
        Optional<Ipv4Cidr> subnet = facts.parsedSubnetEnv().flatMap(e -> e.subnet());
        if (subnet.isEmpty()) {
            return CheckResult.skip(id(), ctx.node(), "no FLANNEL_SUBNET to compare docker0 with (see subnet-env)");
        }
        Optional<Ipv4Cidr> docker0 = facts.docker0();
        if (docker0.isEmpty()) {
            return CheckResult.fail(id(), ctx.node(), "docker0 has no IPv4 address (docker not started?)", ev)
                    .withDuration(facts.docker0Address().took());
        }
        boolean ok = subnet.get().network().contains(docker0.get().network());
        return CheckResult.of(ok, id(), ctx.node(), ok
                ? "docker0 " + docker0.get() + " is inside FLANNEL_SUBNET " + subnet.get()
                : "docker0 " + docker0.get() + " is outside FLANNEL_SUBNET " + subnet.get(), ev)
                .withDuration(facts.docker0Address().took());
    }
}
