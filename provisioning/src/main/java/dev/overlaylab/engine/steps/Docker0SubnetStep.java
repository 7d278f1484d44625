package dev.overlaylab.engine.steps;

import dev.overlaylab.engine.Ipv4;
import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepFailure;
import dev.overlaylab.engine.StepResult;
import java.util.List;
import java.util.Optional;

/**
 * docker0 holds an address inside FLANNEL_SUBNET. When it does not (the lease changed while docker
 * kept the old one: FAILURE-MODES #8) docker is restarted once to pick up subnet.env again.
 */
public final class Docker0SubnetStep implements Step {
    @Override
    public String name() {
        return "docker0 in flannel subnet";
    }

    @Override
    public List<String> plan(StepContext ctx) {
        return List.of("check docker0's address is inside FLANNEL_SUBNET; restart docker once if not");
    }

    @Override
    public StepResult apply(StepContext ctx) {
        String subnet = SubnetEnv.subnet(ctx.shell().read(SubnetEnv.PATH)).orElseThrow(() -> new StepFailure(
                SubnetEnv.PATH + " is missing", "cat " + SubnetEnv.PATH, "", "flanneld is not running: run up again or see journalctl -u flanneld"));
        Optional<String> bridge = docker0(ctx);
        if (inside(subnet, bridge)) {
            return StepResult.unchanged("docker0 " + bridge.get() + " inside " + subnet);
        }
        ctx.run(Systemd.restart("docker"), "cannot restart docker", "see journalctl -u docker");
        ctx.nodeRun().restarted("docker");
        Optional<String> after = docker0(ctx);
        if (!inside(subnet, after)) {
            throw new StepFailure("docker0 is " + after.orElse("absent") + ", outside FLANNEL_SUBNET " + subnet,
                    "ip -4 -o addr show dev docker0", ctx.probe("ip -4 -o addr show dev docker0").stdout(),
                    "docker does not use the drop-in: check systemctl cat docker shows EnvironmentFile=" + SubnetEnv.PATH
                            + " and --bip=${FLANNEL_SUBNET}");
        }
        return StepResult.changed("restarted docker: docker0 " + bridge.orElse("absent") + " → " + after.get());
    }

    private static Optional<String> docker0(StepContext ctx) {
        return Ipv4.firstInet(ctx.probe("ip -4 -o addr show dev docker0").stdout());
    }

    private static boolean inside(String subnet, Optional<String> bridge) {
        return bridge.isPresent() && Ipv4.contains(subnet, bridge.get().split("/")[0]);
    }
}
