package dev.overlaylab.compose;

import dev.overlaylab.engine.LabInspector;
import dev.overlaylab.engine.LabInspector.NodeStatus;
import dev.overlaylab.model.Lab;
import dev.overlaylab.provider.Machines;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.ssh.NodeShellFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A lab's state in one word, as a lab list shows it: not created, up, broken or halted. The
 * provider says whether the machines exist and run (no login); for running machines the verdict
 * is {@code olab status}'s ({@link LabInspector#status}): every node reachable, its services
 * active, docker0 on its lease.
 *
 * @param reason the evidence in a person's words ("node1: flanneld is not running")
 * @param nodes  the per-node status when it was read (machines running), else empty
 */
public record LabStatus(State state, String reason, List<NodeStatus> nodes) {

    public enum State { NOT_CREATED, UP, BROKEN, HALTED }

    public LabStatus {
        nodes = List.copyOf(nodes);
    }

    /** Reads the state now; blocks (SSH to every running node, bounded by the inspector's timeouts). */
    public static LabStatus of(Lab lab, Provider provider, NodeShellFactory shells) {
        Machines m = provider.machines(lab);
        switch (m.kind()) {
            case NONE:
                return new LabStatus(State.NOT_CREATED, m.detail(), List.of());
            case STOPPED:
                return new LabStatus(State.HALTED, m.detail(), List.of());
            case PARTIAL:
                return new LabStatus(State.BROKEN, m.detail(), List.of());
            default:
                break;
        }
        List<NodeStatus> nodes = new LabInspector(shells).status(lab, provider.endpoints(lab));
        return judge(nodes, m.kind() == Machines.Kind.NOT_OURS);
    }

    /**
     * The verdict on read node states. On machines Overlay Lab did not make, reachable nodes with no
     * flanneld running and no lease anywhere were never set up (or were taken down): not created.
     */
    static LabStatus judge(List<NodeStatus> nodes, boolean existingMachines) {
        if (nodes.stream().allMatch(NodeStatus::healthy)) {
            return new LabStatus(State.UP, "every node is reachable and runs its services", nodes);
        }
        if (existingMachines && nodes.stream().allMatch(n -> n.reachable() && n.lease().isEmpty()
                && !n.services().getOrDefault("flanneld", false))) {
            return new LabStatus(State.NOT_CREATED, "no node runs flanneld or holds a lease: the lab is not set up on these machines", nodes);
        }
        List<String> problems = new ArrayList<>();
        for (NodeStatus n : nodes) {
            if (!n.reachable()) {
                problems.add(n.node() + " cannot be reached");
                continue;
            }
            List<String> down = n.services().entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
            if (!down.isEmpty()) {
                problems.add(n.node() + ": " + String.join(", ", down) + (down.size() == 1 ? " is" : " are") + " not running");
            } else if (!n.healthy()) {
                problems.add(n.node() + ": docker0 is not on its flannel subnet"
                        + (n.lease().isEmpty() ? " (no lease)" : " " + n.lease()));
            }
        }
        return new LabStatus(State.BROKEN, String.join("; ", problems), nodes);
    }
}
