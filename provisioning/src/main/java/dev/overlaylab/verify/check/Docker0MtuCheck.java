package dev.overlaylab.verify.check;

import dev.overlaylab.verify.CheckResult;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code docker0-mtu}: docker0's MTU ≤ FLANNEL_MTU. Read after the verify pod is attached: an empty Linux
 * bridge reports its own default until a port joins, while with a port it reports the port's MTU, which
 * docker sets from {@code --mtu}. With no pod on docker0 (pod checks off), docker's configured MTU is judged.
 */
public final class Docker0MtuCheck implements NodeCheck {

    @Override
    public String id() {
        return "docker0-mtu";
    }

    @Override
    public CheckResult check(NodeContext ctx) {
        var facts = ctx.facts();
        var ev = List.of(facts.docker0Mtu().evidence(), facts.subnetEnv().evidence());
        OptionalInt overlay = facts.parsedSubnetEnv().map(e -> e.mtu()).orElse(OptionalInt.empty());
        if (overlay.isEmpty()) {
            return CheckResult.skip(id(), ctx.node(), "no FLANNEL_MTU to compare docker0 with (see subnet-env)");
        }
        if (!facts.active("docker")) {
            // a stopped docker leaves docker0 behind, empty: its MTU is the bridge's default, not docker's --mtu
            return CheckResult.skip(id(), ctx.node(), "docker is not running (see docker-active)");
        }
        OptionalInt mtu = facts.docker0MtuValue();
        if (mtu.isEmpty()) {
            return CheckResult.fail(id(), ctx.node(), "docker0 does not exist", ev).withDuration(facts.docker0Mtu().took());
        }
        OptionalInt configured = facts.dockerMtuOptionValue();
        if (configured.isPresent()) {
            // no container on docker0: the bridge's own MTU says nothing yet, docker's --mtu does
            var withOption = List.of(facts.dockerMtuOption().orElseThrow().evidence(), facts.docker0Mtu().evidence(),
                    facts.subnetEnv().evidence());
            boolean ok = configured.getAsInt() <= overlay.getAsInt();
            return CheckResult.of(ok, id(), ctx.node(), "docker --mtu " + configured.getAsInt() + (ok ? " ≤ " : " > ")
                    + "FLANNEL_MTU " + overlay.getAsInt() + " (no container on docker0 yet)", withOption)
                    .withDuration(facts.docker0Mtu().took());
        }
        boolean ok = mtu.getAsInt() <= overlay.getAsInt();
        return CheckResult.of(ok, id(), ctx.node(), ok
                ? "docker0 MTU " + mtu.getAsInt() + " ≤ FLANNEL_MTU " + overlay.getAsInt()
                : "docker0 MTU " + mtu.getAsInt() + " > FLANNEL_MTU " + overlay.getAsInt(), ev)
                .withDuration(facts.docker0Mtu().took());
    }
}
