package dev.overlaylab.engine.steps;

import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepFailure;
import dev.overlaylab.engine.StepResult;
import dev.overlaylab.exec.Wait;
import dev.overlaylab.model.Cidr;
import dev.overlaylab.net.SubnetEnv;
import java.time.Duration;
import java.util.List;

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
        Wait.Outcome<Cidr> subnet = Wait.until("FLANNEL_SUBNET in " + SubnetEnv.PATH).timeout(LIMIT).interval(Duration.ofMillis(500))
                .check(() -> SubnetEnv.of(ctx.shell().read(SubnetEnv.PATH)).flatMap(SubnetEnv::subnet));
        if (!subnet.ready()) {
            throw new StepFailure(subnet.failure(), Systemd.journal("flanneld"),
                    ctx.probe(Systemd.journal("flanneld")).stdout(),
                    "flanneld cannot lease a subnet: check it reaches etcd at " + String.join(",", ctx.lab().etcdEndpoints())
                            + " and that the network config is in etcd");
        }
        return StepResult.unchanged("FLANNEL_SUBNET=" + subnet.value().get());
    }
}
