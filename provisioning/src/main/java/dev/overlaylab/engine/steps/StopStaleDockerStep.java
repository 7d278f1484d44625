package dev.overlaylab.engine.steps;

import dev.overlaylab.engine.Ipv4;
import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepResult;
import java.util.List;
import java.util.Optional;

/**
 * Stops docker when it runs with a bridge outside flannel's subnet (FAILURE-MODES #7: docker
 * started before flanneld keeps 172.17.0.0/16). The docker stage starts it again with the drop-in.
 */
public final class StopStaleDockerStep implements Step {
    @Override
    public String name() {
        return "stop stale docker";
    }

    @Override
    public List<String> plan(StepContext ctx) {
        return List.of("stop docker if it runs and docker0 is not inside FLANNEL_SUBNET");
    }

    @Override
    public StepResult apply(StepContext ctx) {
        if (!ctx.probe(Systemd.isActive("docker")).ok()) {
            return StepResult.unchanged("docker not running");
        }
        Optional<String> subnet = SubnetEnv.subnet(ctx.shell().read(SubnetEnv.PATH));
        Optional<String> bridge = Ipv4.firstInet(ctx.probe("ip -4 -o addr show dev docker0").stdout());
        if (subnet.isPresent() && bridge.isPresent() && Ipv4.contains(subnet.get(), bridge.get().split("/")[0])) {
            return StepResult.unchanged("docker0 " + bridge.get() + " inside " + subnet.get());
        }
        ctx.run(Systemd.stop("docker"), "cannot stop docker", "stop it by hand: systemctl stop docker");
        return StepResult.changed("stopped docker (docker0 " + bridge.orElse("absent") + ", flannel subnet " + subnet.orElse("not leased yet") + ")");
    }
}
