package dev.overlaylab.diagnose.rule;

import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.Rule;
import dev.overlaylab.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * #7: docker started before flanneld or without the drop-in, so docker0 kept docker's own default
 * (172.17.0.1/16) although flannel leased a subnet. Seen as docker0 outside the flannel Network on a node
 * that has a subnet.env.
 */
public final class DockerWithoutFlannelSubnetRule implements Rule {

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        var net = ctx.flannelNetwork();
        List<String> evidence = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Node n : ctx.lab().nodes()) {
            var env = ctx.subnetEnv(n);
            var docker0 = ctx.docker0(n);
            if (env.isPresent() && docker0.isPresent() && !net.contains(docker0.get().normalized())) {
                names.add(n.name());
                evidence.add(n.name() + ": docker0 " + docker0.get() + ", but subnet.env has FLANNEL_SUBNET="
                        + env.get().subnet().orElseThrow());
            }
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Finding.mode(7, "docker did not take flannel's subnet on " + String.join(", ", names)
                        + " (started before flanneld or without the drop-in)", evidence,
                "give docker the drop-in (EnvironmentFile=/run/flannel/subnet.env, --bip=${FLANNEL_SUBNET} --mtu=${FLANNEL_MTU}), "
                        + "order flanneld Before=docker.service, then systemctl daemon-reload && systemctl restart docker"));
    }
}
