package dev.overlaylab.verify;

import dev.overlaylab.exec.CommandFailedException;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.ssh.NodeShell;
import dev.overlaylab.verify.EvidenceScript.Section;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads one node for the per-node checks in one SSH exec, an {@link EvidenceScript}: the services, subnet.env, the
 * FORWARD chain and etcd's health in the background, while the docker chain runs in order (the pod, then docker0 —
 * its MTU is only meaningful once a container's veth is attached). Each section is bounded on its own, so a hung
 * docker costs the pod's answer only.
 *
 * <p>Why one exec: an exec costs the node a channel, a PAM session and a login shell in sshd (~10 ms of CPU), and
 * the reads were seven of them, the docker chain's four one after another. Measured on a 2-node local lab: the
 * reads took ~0.28 s as separate execs (services 90 ms, pod 150 ms, docker0 25 ms, MTU 19 ms in a row).
 * Only the rare paths run more: a pod image to make first, and docker's own MTU option when no pod is on docker0.
 */
final class NodeReader {
    private static final String SERVICES = "services";
    private static final String SUBNET_ENV = "subnet-env";
    private static final String FORWARD = "forward";
    private static final String ETCD_HEALTH = "etcd-health";
    private static final String POD = "pod";
    private static final String DOCKER0 = "docker0";
    private static final String DOCKER0_MTU = "docker0-mtu";

    private NodeReader() {
    }

    /** The read of one node, under way. */
    static final class Pending {
        private final Future<NodeFacts> facts;

        private Pending(Future<NodeFacts> facts) {
            this.facts = facts;
        }

        NodeFacts join() throws InterruptedException, ExecutionException {
            return facts.get();
        }
    }

    static Pending start(Lab lab, Node node, NodeShell shell, boolean startPod, ExecutorService pool) {
        return new Pending(pool.submit(() -> read(lab, node, shell, startPod)));
    }

    private static NodeFacts read(Lab lab, Node node, NodeShell shell, boolean startPod) {
        boolean etcdNode = lab.etcdNodes().contains(node);
        int quick = (int) NodeCommands.QUICK.toSeconds();
        String start = NodeCommands.startPod(lab.verify().image(), node.name());
        List<Section> sections = new ArrayList<>(List.of(
                new Section(SERVICES, NodeCommands.services(lab, etcdNode), true, quick),
                new Section(SUBNET_ENV, NodeCommands.subnetEnv(), true, quick),
                new Section(FORWARD, NodeCommands.forwardChain(), true, quick)));
        if (etcdNode) {
            sections.add(new Section(ETCD_HEALTH, NodeCommands.etcdHealth(lab, node), true, quick));
        }
        if (startPod) {
            sections.add(new Section(POD, start, false, (int) NodeCommands.POD_TIMEOUT.toSeconds()));
        }
        sections.add(new Section(DOCKER0, NodeCommands.docker0Address(), false, quick));
        sections.add(new Section(DOCKER0_MTU, NodeCommands.docker0Mtu(), false, quick));
        Probe whole = Probe.run(shell, EvidenceScript.render(sections), NodeCommands.POD_TIMEOUT.plus(NodeCommands.QUICK));
        Map<String, Probe> p = EvidenceScript.parse(sections, whole.result(), whole.took());

        Probe services = p.get(SERVICES);
        boolean dockerActive = "active".equals(NodeFacts.serviceStates(services).get("docker"));
        // docker not active: the pod command started nothing (see NodeCommands.startPod), as if it had not run
        Optional<Probe> pod = Optional.ofNullable(p.get(POD)).filter(x -> x.result().exitCode() != NodeCommands.DOCKER_NOT_ACTIVE);
        Probe addr = p.get(DOCKER0);
        Probe mtu = p.get(DOCKER0_MTU);
        if (pod.isPresent() && pod.get().result().exitCode() == NodeCommands.NO_POD_IMAGE) {
            // rare (the docker stage makes the image): make it, start again, and read docker0 with the pod on it
            pod = Optional.of(podImage(shell, lab.verify().image()).orElseGet(() -> Probe.run(shell, start, NodeCommands.POD_TIMEOUT)));
            addr = Probe.run(shell, NodeCommands.docker0Address(), NodeCommands.QUICK);
            mtu = Probe.run(shell, NodeCommands.docker0Mtu(), NodeCommands.QUICK);
        }
        // an empty Linux bridge reports its own default MTU, not docker's --mtu: without a pod on docker0, ask docker
        Optional<Probe> mtuOption = pod.filter(Probe::ok).isPresent() || !dockerActive ? Optional.empty()
                : Optional.of(Probe.run(shell, NodeCommands.dockerMtuOption(), NodeCommands.QUICK));
        return new NodeFacts(node, etcdNode, services, p.get(SUBNET_ENV), pod, addr, mtu, mtuOption, p.get(FORWARD),
                Optional.ofNullable(p.get(ETCD_HEALTH)));
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
