package dev.overlaylab.verify;

import dev.overlaylab.exec.CommandFailedException;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.provider.local.PodImage;
import dev.overlaylab.ssh.NodeShell;
import java.time.Duration;
import java.util.List;
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
            pod = Optional.of(podImage(shell, lab.verify().image())
                    .orElseGet(() -> Probe.run(shell, NodeCommands.startPod(lab.verify().image(), node.name()), NodeCommands.POD_TIMEOUT)));
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

    /**
     * Makes the pod image on the node when docker lacks it (imported from the node's busybox-static: no lab
     * node reaches a registry). Empty when the image is there; the failed import as the pod's probe otherwise.
     */
    private static Optional<Probe> podImage(NodeShell shell, String image) {
        long t0 = System.nanoTime();
        try {
            PodImage.ensure(shell, image);
            return Optional.empty();
        } catch (CommandFailedException e) {
            return Optional.of(new Probe("make the pod image " + image + " from /bin/busybox (docker import)", e.result(),
                    Duration.ofNanos(System.nanoTime() - t0)));
        } catch (RuntimeException e) {
            return Optional.of(new Probe("make the pod image " + image, new ExecResult(List.of("docker", "import"), 255, "",
                    String.valueOf(e.getMessage())), Duration.ofNanos(System.nanoTime() - t0)));
        }
    }
}
