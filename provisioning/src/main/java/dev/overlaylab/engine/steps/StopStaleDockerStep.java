package dev.overlaylab.engine.steps;

import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepResult;
import dev.overlaylab.model.Cidr;
import dev.overlaylab.net.Docker0Rule;
import dev.overlaylab.net.InterfaceAddress;
import dev.overlaylab.net.SubnetEnv;
import java.util.List;
import java.util.Optional;

/**
 * Stops docker when it runs with a bridge that is not flannel's subnet by {@link Docker0Rule}
 * (FAILURE-MODES #7: docker started before flanneld keeps 172.17.0.0/16). The docker stage starts
 * it again with the drop-in.
 */
public final class StopStaleDockerStep implements Step {
    @Override
    public String name() {
        return "stop stale docker";
    }

    @Override
    public List<String> plan(StepContext ctx) {
        return List.of("stop docker if it runs and docker0 is not FLANNEL_SUBNET");
    }

    @Override
    public StepResult apply(StepContext ctx) {
        if (!ctx.probe(Systemd.isActive("docker")).ok()) {
            return StepResult.unchanged("docker not running");
        }
        Optional<Cidr> subnet = SubnetEnv.of(ctx.shell().read(SubnetEnv.PATH)).flatMap(SubnetEnv::subnet);
        Optional<Cidr> bridge = InterfaceAddress.firstInet(ctx.probe(InterfaceAddress.DOCKER0).stdout());
        if (subnet.isPresent()) {
            Docker0Rule.Verdict v = Docker0Rule.judge(subnet.get(), bridge);
            if (v.ok()) {
                return StepResult.unchanged(v.reason());
            }
        }
        ctx.run(Systemd.stop("docker"), "cannot stop docker", "stop it by hand: systemctl stop docker");
        return StepResult.changed("stopped docker (docker0 " + bridge.map(Cidr::toString).orElse("absent") + ", flannel subnet "
                + subnet.map(Cidr::toString).orElse("not leased yet") + ")");
    }
}
