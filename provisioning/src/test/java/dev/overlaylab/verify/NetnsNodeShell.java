package dev.overlaylab.verify;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ExecRunner;
import dev.overlaylab.ssh.NodeShell;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Test-only {@link NodeShell} for a "node" that is a network namespace made by the test: commands run for real
 * with {@code ip netns exec}. The verify pod is a second namespace behind the node's docker0 bridge, so
 * {@code docker exec olab-verify-pod CMD} becomes {@code ip netns exec <pod ns> busybox CMD} (the pod image is
 * busybox too). What a bare namespace cannot have — systemd units, flanneld's subnet.env, etcd — is answered by
 * {@code canned}; everything on the network path (addresses, MTU, iptables, routes, ping, wget, nsenter) is real.
 */
final class NetnsNodeShell implements NodeShell {
    private final String node;
    private final String netns;
    private final String podNetns;
    private final String podStartAnswer;
    private final Function<String, Optional<String>> canned;
    private final ExecRunner runner;

    NetnsNodeShell(String node, String netns, String podNetns, String podStartAnswer,
                   Function<String, Optional<String>> canned, ExecRunner runner) {
        this.node = node;
        this.netns = netns;
        this.podNetns = podNetns;
        this.podStartAnswer = podStartAnswer;
        this.canned = canned;
        this.runner = runner;
    }

    @Override
    public String nodeName() {
        return node;
    }

    @Override
    public ExecResult exec(String command, Duration timeout) {
        if (dev.overlaylab.testsupport.EvidenceBundles.isBundle(command)) {
            // section by section: the canned answers below are per command, the rest runs in the namespace
            return dev.overlaylab.testsupport.EvidenceBundles.answer(command, c -> exec(c, timeout));
        }
        // before the canned answers: the pod command starts with its own `systemctl is-active` of docker
        if (command.contains(NodeCommands.POD_RUN)) {
            return new ExecResult(List.of("sh", "-c", command), 0, podStartAnswer, "");
        }
        Optional<String> answer = canned.apply(command);
        if (answer.isPresent()) {
            return new ExecResult(List.of("sh", "-c", command), 0, answer.get(), "");
        }
        if (command.startsWith("docker image inspect ")) {
            return new ExecResult(List.of("sh", "-c", command), 0, "", "");
        }
        if (command.equals(NodeCommands.stopPod())) {
            return new ExecResult(List.of("sh", "-c", command), 0, NodeCommands.POD + "\n", "");
        }
        String podPrefix = "docker exec " + NodeCommands.POD + " ";
        int pod = command.indexOf(podPrefix);
        if (pod >= 0) {
            String inPod = command.substring(0, pod) + "busybox " + command.substring(pod + podPrefix.length());
            return runner.run(List.of("ip", "netns", "exec", podNetns, "sh", "-c", inPod), Map.of(), timeout);
        }
        return runner.run(List.of("ip", "netns", "exec", netns, "sh", "-c", command), Map.of(), timeout);
    }

    @Override
    public Optional<byte[]> read(String absolutePath) {
        throw new UnsupportedOperationException("verify reads through commands");
    }

    @Override
    public void write(String absolutePath, byte[] content, int mode, String owner) {
        throw new UnsupportedOperationException("verify never writes");
    }

    @Override
    public void close() {
    }
}
