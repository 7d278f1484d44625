package dev.overlaylab.engine;

import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.engine.steps.Systemd;
import dev.overlaylab.net.Docker0Rule;
import dev.overlaylab.net.InterfaceAddress;
import dev.overlaylab.net.SubnetEnv;
import dev.overlaylab.render.RenderedFile;
import dev.overlaylab.render.RenderedLab;
import dev.overlaylab.ssh.NodeShell;
import dev.overlaylab.ssh.NodeShellFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a running lab without changing it: per-node status ({@code olab status}) and rendered vs
 * live files ({@code olab diff}). Used by the CLI and the GUI alike.
 */
public final class LabInspector {
    private final NodeShellFactory shells;

    public LabInspector(NodeShellFactory shells) {
        this.shells = shells;
    }

    /**
     * One node's state.
     *
     * @param node      node name
     * @param reachable an SSH login worked
     * @param error     why not, when unreachable
     * @param services  unit → active, for the units this node should run
     * @param lease     FLANNEL_SUBNET from subnet.env, empty when none
     * @param docker0   docker0's address, empty when none
     */
    public record NodeStatus(String node, boolean reachable, String error, Map<String, Boolean> services, String lease, String docker0) {

        /** Reachable, every service active, docker0 on the lease by {@link Docker0Rule} (as {@code up} and {@code verify} judge it). */
        public boolean healthy() {
            return reachable && services.values().stream().allMatch(Boolean::booleanValue)
                    && Cidr.tryParse(lease).map(l -> Docker0Rule.judge(l, Cidr.tryParse(docker0)).ok()).orElse(false);
        }
    }

    /** A rendered file compared with the node's copy; {@code diff} is empty when they are equal. */
    public record FileDiff(String node, String path, boolean liveExists, String diff) {
        public boolean differs() {
            return !diff.isEmpty();
        }
    }

    public List<NodeStatus> status(Lab lab, List<Node> nodes) {
        List<NodeStatus> out = new ArrayList<>();
        for (Node n : nodes) {
            Map<String, Boolean> services = new LinkedHashMap<>();
            try (NodeShell sh = shells.open(lab, n)) {
                if (!sh.exec("true", Duration.ofSeconds(15)).ok()) {
                    out.add(new NodeStatus(n.name(), false, "cannot run commands as root", services, "", ""));
                    continue;
                }
                List<String> units = new ArrayList<>();
                if (lab.etcdNodes().stream().anyMatch(e -> e.name().equals(n.name()))) {
                    units.add("etcd");
                }
                units.add("flanneld");
                units.add("docker");
                for (String u : units) {
                    services.put(u, sh.exec(Systemd.isActive(u), Duration.ofSeconds(15)).ok());
                }
                String lease = SubnetEnv.of(sh.read(SubnetEnv.PATH)).flatMap(SubnetEnv::subnet).map(Cidr::toString).orElse("");
                String docker0 = InterfaceAddress.firstInet(sh.exec(InterfaceAddress.DOCKER0, Duration.ofSeconds(15)).stdout())
                        .map(Cidr::toString).orElse("");
                out.add(new NodeStatus(n.name(), true, "", services, lease, docker0));
            } catch (RuntimeException e) {
                out.add(new NodeStatus(n.name(), false, String.valueOf(e.getMessage()), services, "", ""));
            }
        }
        return out;
    }

    /** Every rendered file of every node against the node's copy, as unified diffs (live → rendered). */
    public List<FileDiff> diff(Lab lab, List<Node> nodes, RenderedLab rendered) {
        List<FileDiff> out = new ArrayList<>();
        for (Node n : nodes) {
            try (NodeShell sh = shells.open(lab, n)) {
                for (RenderedFile f : rendered.filesOf(n.name())) {
                    Optional<byte[]> live = sh.read(f.path());
                    String liveText = live.map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
                    String d = UnifiedDiff.diff(live.isPresent() ? n.name() + ":" + f.path() : "/dev/null", liveText,
                            "rendered:" + f.path(), f.content());
                    out.add(new FileDiff(n.name(), f.path(), live.isPresent(), d));
                }
            }
        }
        return out;
    }
}
