package dev.overlaylab.verify.check;

import dev.overlaylab.model.Cidr;
import dev.overlaylab.net.Docker0Rule;
import dev.overlaylab.verify.CheckResult;
import java.util.List;
import java.util.Optional;

/**
 * {@code docker0-subnet}: docker0 is on flannel's subnet by {@link Docker0Rule} (address and prefix
 * equal FLANNEL_SUBNET, i.e. docker took {@code --bip} from subnet.env), the rule {@code up} applies too.
 */
public final class Docker0SubnetCheck implements NodeCheck {

    @Override
    public String id() {
        return "docker0-subnet";
    }

    @Override
    public CheckResult check(NodeContext ctx) {
        var facts = ctx.facts();
        var ev = List.of(facts.docker0Address().evidence(), facts.subnetEnv().evidence());
        Optional<Cidr> subnet = facts.parsedSubnetEnv().flatMap(e -> e.subnet());
        if (subnet.isEmpty()) {
            return CheckResult.skip(id(), ctx.node(), "no FLANNEL_SUBNET to compare docker0 with (see subnet-env)");
        }
        Docker0Rule.Verdict v = Docker0Rule.judge(subnet.get(), facts.docker0());
        return CheckResult.of(v.ok(), id(), ctx.node(), v.reason(), ev).withDuration(facts.docker0Address().took());
    }
}
