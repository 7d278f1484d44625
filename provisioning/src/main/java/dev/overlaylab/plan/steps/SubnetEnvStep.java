package dev.overlaylab.plan.steps;

import dev.overlaylab.model.Cidr;
import dev.overlaylab.net.SubnetEnv;
import dev.overlaylab.plan.Poll;
import dev.overlaylab.plan.Step;
import dev.overlaylab.plan.StepContext;
import dev.overlaylab.plan.StepFailure;
import dev.overlaylab.plan.StepResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Waits (bounded) until flanneld has leased a subnet and written {@code /run/flannel/subnet.env}. */
public final class SubnetEnvStep implements Step {
    static final Duration LIMIT = Duration.ofSeconds(30);

    @Override
    public String name() {
        return "subnet lease";
    }

    @Override
    public List<String> plan(StepContext ctx) {
        return List.of("wait up to " + LIMIT.toSeconds() + " s for " + SubnetEnv.PATH);
    }

    @Override
    public StepResult apply(StepContext ctx) {
        Optional<Cidr> subnet = Poll.until(() -> SubnetEnv.of(ctx.shell().read(SubnetEnv.PATH)).flatMap(SubnetEnv::subnet), 60, LIMIT, Duration.ofMillis(500));
        if (subnet.isEmpty()) {
            throw new StepFailure("flanneld wrote no " + SubnetEnv.PATH + " within " + LIMIT.toSeconds() + " s", Systemd.journal("flanneld"),
                    ctx.probe(Systemd.journal("flanneld")).stdout(),
                    "flanneld cannot lease a subnet: check it reaches etcd at " + String.join(",", ctx.lab().etcdEndpoints())
                            + " and that the network config is in etcd");
        }
        return StepResult.unchanged("FLANNEL_SUBNET=" + subnet.get());
    }
}
