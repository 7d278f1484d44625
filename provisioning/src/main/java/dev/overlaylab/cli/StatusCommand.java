package dev.overlaylab.cli;

import dev.overlaylab.engine.LabInspector;
import dev.overlaylab.engine.LabInspector.NodeStatus;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code olab status LAB}: per node — reachable, services active, flannel lease, docker0. Exit 1 when a node is not healthy. */
@Command(name = "status", description = {
    "Show each node: reachable, etcd/flanneld/docker active, lease, docker0.",
    "Exit 0 when every node is healthy, 1 otherwise."})
final class StatusCommand extends LabCommand {
    @Option(names = "--json", description = "one JSON object per node")
    boolean json;

    @Override
    int run() throws Exception {
        LabInput in = LabInput.open(lab);
        List<NodeStatus> all = new LabInspector(in.wiring().shells()).status(in.lab(), in.provider().endpoints(in.lab()));
        PrintWriter out = out();
        for (NodeStatus s : all) {
            out.println(json ? Json.write(asMap(s)) : line(s));
        }
        out.flush();
        return all.stream().allMatch(NodeStatus::healthy) ? Olab.EXIT_OK : Olab.EXIT_FAILED;
    }

    private static String line(NodeStatus s) {
        if (!s.reachable()) {
            return String.format("%-12s unreachable: %s", s.node(), s.error());
        }
        String services = s.services().entrySet().stream().map(e -> e.getKey() + (e.getValue() ? " active" : " INACTIVE"))
                .collect(Collectors.joining(", "));
        return String.format("%-12s %-8s %s; lease %s; docker0 %s", s.node(), s.healthy() ? "ok" : "NOT OK", services,
                s.lease().isEmpty() ? "none" : s.lease(), s.docker0().isEmpty() ? "absent" : s.docker0());
    }

    private static Map<String, Object> asMap(NodeStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", s.node());
        m.put("reachable", s.reachable());
        m.put("healthy", s.healthy());
        m.put("error", s.error());
        m.put("services", new LinkedHashMap<String, Object>(s.services()));
        m.put("lease", s.lease());
        m.put("docker0", s.docker0());
        return m;
    }
}
