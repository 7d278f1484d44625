package dev.overlaylab.verify;

import dev.overlaylab.exec.CommandFailedException;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.ssh.NodeShell;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads one node for the per-node checks, as independent tasks on the verifier's pool: the docker chain
 * (services, pod image, pod, then docker0 — its MTU is only meaningful once a container's veth is attached),
 * subnet.env, the FORWARD chain and etcd's health run at the same time.
 */
final class NodeReader {
    private NodeReader() {
    }

    /** What the docker chain read, in order. */
    private record DockerChain(Probe services, Optional<Probe> pod, Probe addr, Probe mtu, Optional<Probe> mtuOption) {
    }

    /** The reads of one node, under way. */
    static final class Pending {
        private final Node node;
        private final boolean etcdNode;
        private final Future<DockerChain> chain;
        private final Future<Probe> subnetEnv;
        private final Future<Probe> forward;
        private final Optional<Future<Probe>> health;

        private Pending(Lab lab, Node node, NodeShell shell, boolean startPod, ExecutorService pool) {
            this.node = node;
            this.etcdNode = lab.etcdNodes().contains(node);
            this.chain = pool.submit(() -> dockerChain(lab, node, shell, etcdNode, startPod));
            this.subnetEnv = pool.submit(() -> Probe.run(shell, NodeCommands.subnetEnv(), NodeCommands.QUICK));
            this.forward = pool.submit(() -> Probe.run(shell, NodeCommands.forwardChain(), NodeCommands.QUICK));
            this.health = etcdNode
                    ? Optional.of(pool.submit(() -> Probe.run(shell, NodeCommands.etcdHealth(lab, node), NodeCommands.QUICK)))
                    : Optional.empty();
        }

        NodeFacts join() throws InterruptedException, ExecutionException {
            DockerChain c = chain.get();
            Optional<Probe> h = health.isPresent() ? Optional.of(health.get().get()) : Optional.empty();
            return new NodeFacts(node, etcdNode, c.services(), subnetEnv.get(), c.pod(), c.addr(), c.mtu(), c.mtuOption(),
                    forward.get(), h);
        }
    }

    static Pending start(Lab lab, Node node, NodeShell shell, boolean startPod, ExecutorService pool) {
        return new Pending(lab, node, shell, startPod, pool);
    }

    private static DockerChain dockerChain(Lab lab, Node node, NodeShell shell, boolean etcdNode, boolean startPod) {
        Probe services = Probe.run(shell, NodeCommands.services(lab, etcdNode), NodeCommands.QUICK);
        boolean dockerActive = "active".equals(NodeFacts.serviceStates(services).get("docker"));
        Optional<Probe> pod = Optional.empty();
        if (startPod && dockerActive) {
            // one exec: a kept pod, or a new one; only a missing image costs more (made, then the start again)
            String start = NodeCommands.startPod(lab.verify().image(), node.name());
            Probe first = Probe.run(shell, start, NodeCommands.POD_TIMEOUT);
            pod = Optional.of(first.result().exitCode() != NodeCommands.NO_POD_IMAGE ? first
                    : podImage(shell, lab.verify().image()).orElseGet(() -> Probe.run(shell, start, NodeCommands.POD_TIMEOUT)));
        }
        Probe addr = Probe.run(shell, NodeCommands.docker0Address(), NodeCommands.QUICK);
        Probe mtu = Probe.run(shell, NodeCommands.docker0Mtu(), NodeCommands.QUICK);
        // an empty Linux bridge reports its own default MTU, not docker's --mtu: without a pod on docker0, ask docker
        Optional<Probe> mtuOption = pod.filter(Probe::ok).isPresent() || !dockerActive ? Optional.empty()
                : Optional.of(Probe.run(shell, NodeCommands.dockerMtuOption(), NodeCommands.QUICK));
        return new DockerChain(services, pod, addr, mtu, mtuOption);
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
