package dev.overlaylab.app.topology;

import dev.overlaylab.app.topology.TopologyInput.NodeInfo;
import dev.overlaylab.app.ui.Messages;
import java.util.ArrayList;
import java.util.List;

/** What the topology tab says about the node clicked: its role, addresses, overlay and last verification. */
final class NodeDetails {
    private NodeDetails() {
    }

    static String of(TopologyInput in, String node) {
        NodeInfo n = in.nodes().stream().filter(x -> x.name().equals(node)).findFirst().orElse(null);
        if (n == null) {
            return Messages.get("topology.details.hint");
        }
        List<String> lines = new ArrayList<>();
        lines.add(Messages.format("topology.details.title", n.name(),
                Messages.get(n.master() ? "topology.details.master" : "topology.details.worker")));
        lines.add(Messages.format("topology.details.hostOnly", n.hostOnlyIp(), n.hostOnlyNic()));
        in.natNic().ifPresent(nat -> lines.add(Messages.format("topology.details.nat", TopologyInput.NAT_IP + "/24", nat)));
        lines.add(Messages.format("topology.details.overlay", in.overlayDevice()
                .map(d -> Messages.format("topology.details.overlay.device", d, in.overlay()))
                .orElse(Messages.format("topology.details.overlay.hostgw"))));
        lines.add(n.subnet().map(s -> Messages.format("topology.details.subnet", s))
                .orElse(Messages.format("topology.details.subnet.none", in.overlay())));
        LinkHealth h = in.healthOf(node);
        if (h.failed().isEmpty() && h.passed() == 0) {
            lines.add(Messages.get("topology.details.unchecked"));
        } else if (h.failed().isEmpty()) {
            lines.add(Messages.format("topology.details.passed", h.passed()));
        } else {
            lines.add(Messages.format("topology.details.failed", h.passed(), h.failed().size(), String.join(", ",
                    h.failed().stream().map(NodeDetails::named).toList())));
        }
        return String.join("\n", lines);
    }

    /** "docker0 ping master → node1": the matrix's name for the check, then where it ran. */
    private static String named(dev.overlaylab.app.engine.CheckResult c) {
        String name = Messages.has("check." + c.check()) ? Messages.get("check." + c.check()) : c.check();
        return name + " " + c.from() + c.to().map(t -> " \u2192 " + t).orElse("");
    }
}
