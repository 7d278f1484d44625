package dev.overlaylab.diagnose.rule;

import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Excerpt;
import dev.overlaylab.diagnose.FailureMode;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.NodeObservation;
import dev.overlaylab.diagnose.Observer;
import dev.overlaylab.diagnose.Rule;
import dev.overlaylab.diagnose.UnitState;
import dev.overlaylab.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * #7 read from docker itself: the running dockerd has no {@code --bip} (the lab's drop-in always gives it
 * one), so docker runs without the drop-in. docker0 may still hold flannel's address (a bridge that existed
 * keeps it), and then only its MTU shows: that is why this is nearer the cause than an MTU finding.
 */
public final class DockerWithoutDropInRule implements Rule {

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        List<Excerpt> evidence = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Node n : ctx.lab().nodes()) {
            Optional<NodeObservation> o = ctx.obs().node(n.name());
            Optional<String> cmdline = o.flatMap(x -> x.commandLine(Observer.DOCKERD));
            if (cmdline.isEmpty() || cmdline.get().contains("--bip")) {
                continue;
            }
            names.add(n.name());
            evidence.add(new Excerpt(n.name(), "ps -o args= -C dockerd", cmdline.get() + "\n(no --bip, no --mtu: the drop-in is not in effect)"));
            o.get().unit("docker").ifPresent(u -> evidence.add(new Excerpt(n.name(), "systemctl show docker",
                    "DropInPaths=" + u.get("DropInPaths"))));
            ctx.docker0(n).ifPresent(d -> evidence.add(new Excerpt(n.name(), "ip -o -4 addr show dev docker0", "docker0 " + d)));
            ctx.nodeLine("docker0-mtu", n).filter(l -> ctx.failed("docker0-mtu", n)).ifPresent(l -> evidence.add(Excerpt.line(l)));
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(FailureMode.DOCKER_BEFORE_FLANNEL, "docker runs without the flannel drop-in on "
                        + String.join(", ", names) + " (dockerd has no --bip/--mtu)", evidence,
                "put back /etc/systemd/system/docker.service.d/10-flannel.conf (EnvironmentFile=/run/flannel/subnet.env, "
                        + "--bip=${FLANNEL_SUBNET} --mtu=${FLANNEL_MTU}), then systemctl daemon-reload && systemctl restart docker"
                        + " (olab up does both)"));
    }
}
