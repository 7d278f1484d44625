package dev.overlaylab.engine.steps;

import dev.overlaylab.engine.Poll;
import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepFailure;
import dev.overlaylab.engine.StepResult;
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
        Optional<String> subnet = Poll.until(() -> SubnetEnv.subnet(ctx.shell().read(SubnetEnv.PATH)), 60, LIMIT, Duration.ofMillis(500));
        if (subnet.isEmpty()) {
            throw new StepFailure("flanneld wrote no " + SubnetEnv.PATH + " within " + LIMIT.toSeconds() + " s", Systemd.journal("flanneld"),
                    ctx.probe(Systemd.journal("flanneld")).stdout(),
                    "flanneld cannot lease a subnet: check it reaches etcd at " + String.join(",", ctx.lab().etcdEndpoints())
                            + " and that the network config is in etcd");
        }
        return StepResult.unchanged("FLANNEL_SUBNET=" + subnet.get());
    }
}
