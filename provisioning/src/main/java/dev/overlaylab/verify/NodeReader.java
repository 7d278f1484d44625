package dev.overlaylab.verify;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.ssh.NodeShell;
import java.util.Optional;

/**
 * Reads one node for the per-node checks. The verify pod is started before docker0 is read: docker0's MTU
 * is only meaningful once a container's veth is attached to it.
 */
final class NodeReader {
    private NodeReader() {
    }

    static NodeFacts read(Lab lab, Node node, NodeShell shell, boolean startPod) {
        boolean etcdNode = lab.etcdNodes().contains(node);
        Probe services = Probe.run(shell, NodeCommands.services(lab, etcdNode), NodeCommands.QUICK);
        Probe subnetEnv = Probe.run(shell, NodeCommands.subnetEnv(), NodeCommands.QUICK);
        boolean dockerActive = "active".equals(NodeFacts.serviceStates(services).get("docker"));
        Optional<Probe> pod = Optional.empty();
        if (startPod && dockerActive) {
            pod = Optional.of(Probe.run(shell, NodeCommands.startPod(lab.verify().image(), node.name()), NodeCommands.POD_TIMEOUT));
        }
        Probe addr = Probe.run(shell, NodeCommands.docker0Address(), NodeCommands.QUICK);
        Probe mtu = Probe.run(shell, NodeCommands.docker0Mtu(), NodeCommands.QUICK);
        // an empty Linux bridge reports its own default MTU, not docker's --mtu: without a pod on docker0, ask docker
        Optional<Probe> mtuOption = pod.filter(Probe::ok).isPresent() || !dockerActive ? Optional.empty()
                : Optional.of(Probe.run(shell, NodeCommands.dockerMtuOption(), NodeCommands.QUICK));
        Probe forward = Probe.run(shell, NodeCommands.forwardChain(), NodeCommands.QUICK);
        Optional<Probe> health = etcdNode
                ? Optional.of(Probe.run(shell, NodeCommands.etcdHealth(lab, node), NodeCommands.QUICK))
                : Optional.empty();
        return new NodeFacts(node, etcdNode, services, subnetEnv, pod, addr, mtu, mtuOption, forward, health);
    }
}
