package dev.overlaylab.engine.steps;

import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepFailure;
import dev.overlaylab.engine.StepResult;
import dev.overlaylab.model.Cidr;
import dev.overlaylab.net.Docker0Rule;
import dev.overlaylab.net.InterfaceAddress;
import dev.overlaylab.net.SubnetEnv;
import java.util.List;
import java.util.Optional;

/**
 * docker0 is on flannel's subnet by {@link Docker0Rule} (address and prefix equal FLANNEL_SUBNET),
 * the same rule the {@code docker0-subnet} check applies. When it is not (the lease changed while
 * docker kept the old one: FAILURE-MODES #8) docker is restarted once to pick up subnet.env again.
 */
public final class Docker0SubnetStep implements Step {
    @Override
    public String name() {
        return "docker0 in flannel subnet";
    }

    @Override
    public List<String> plan(StepContext ctx) {
        return List.of("check docker0's address and prefix equal FLANNEL_SUBNET; restart docker once if not");
    }

    @Override
    public StepResult apply(StepContext ctx) {
        Cidr subnet = SubnetEnv.of(ctx.shell().read(SubnetEnv.PATH)).flatMap(SubnetEnv::subnet).orElseThrow(() -> new StepFailure(
                SubnetEnv.PATH + " is missing or has no FLANNEL_SUBNET", "cat " + SubnetEnv.PATH, "",
                "flanneld is not running: run up again or see journalctl -u flanneld"));
        Optional<Cidr> bridge = docker0(ctx);
        Docker0Rule.Verdict before = Docker0Rule.judge(subnet, bridge);
        if (before.ok()) {
            return StepResult.unchanged(before.reason());
        }
        ctx.run(Systemd.restart("docker"), "cannot restart docker", "see journalctl -u docker");
        ctx.nodeRun().restarted("docker");
        Optional<Cidr> after = docker0(ctx);
        Docker0Rule.Verdict now = Docker0Rule.judge(subnet, after);
        if (!now.ok()) {
            throw new StepFailure(now.reason() + " after restarting docker", InterfaceAddress.DOCKER0,
                    ctx.probe(InterfaceAddress.DOCKER0).stdout(),
                    "docker does not use the drop-in: check systemctl cat docker shows EnvironmentFile=" + SubnetEnv.PATH
                            + " and --bip=${FLANNEL_SUBNET}");
        }
        return StepResult.changed("restarted docker: docker0 " + bridge.map(Cidr::toString).orElse("absent") + " → " + after.get());
    }

    private static Optional<Cidr> docker0(StepContext ctx) {
        return InterfaceAddress.firstInet(ctx.probe(InterfaceAddress.DOCKER0).stdout());
    }
}
