package dev.overlaylab.verify.kube;

import dev.overlaylab.exec.Commands;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one script the Kubernetes rows run on each node, after the master's {@link ClusterScript}: the
 * Kubernetes units' states, then — all at once, in the background — {@link #CLUSTER_IP_TRIES} requests to
 * the ClusterIP, two to the NodePort on every node's host-only address, and one from this node's verify pod
 * (the node's curl in the pod's network namespace, found by the pod's address) to every other node's pod.
 * Every request is bounded by curl's {@code -m}, so the script takes about as long as its slowest request.
 *
 * <p>Several ClusterIP requests, not one: kube-proxy picks an endpoint at random per connection, and the seed
 * labs' fault (seed 004) lets only the node's own pod answer. With one pod per node, eight requests all
 * landing on the local pod happen with probability 2<sup>-8</sup> on two nodes, less on more.
 */
public final class NodeScript {
    public static final int CLUSTER_IP_TRIES = 8;
    public static final int NODE_PORT_TRIES = 2;
    /** curl's bound per request, seconds. */
    public static final int REQUEST_SECONDS = 2;
    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    private NodeScript() {
    }

    /**
     * @param units     the Kubernetes units to ask systemd about on this node
     * @param clusterIp the verify Service's ClusterIP, if the master could read it
     * @param nodePort  the verify NodePort, if known
     * @param nodeIps   every node's host-only address (NodePort targets)
     * @param localPod  this node's verify pod address, if it has one
     * @param peerPods  the other nodes' verify pod addresses
     * @param kubernetesIp the ClusterIP of the apiserver's own Service ({@code default/kubernetes})
     */
    public static String render(List<String> units, Optional<String> clusterIp, Optional<Integer> nodePort, List<String> nodeIps,
                                Optional<String> localPod, List<String> peerPods, Optional<String> kubernetesIp) {
        StringBuilder s = new StringBuilder();
        s.append("for u in");
        units.forEach(u -> s.append(' ').append(u));
        s.append("; do echo \"@@unit $u $(systemctl is-active $u 2>/dev/null || true)\"; done\n");
        // t KIND TARGET URL [netns]: one bounded request, one line
        s.append("t() { if [ -n \"$4\" ]; then o=$(ip netns exec \"$4\" curl -sS -m ").append(REQUEST_SECONDS)
                .append(" \"$3\" 2>&1); else o=$(curl -sS -m ").append(REQUEST_SECONDS)
                .append(" \"$3\" 2>&1); fi; rc=$?; echo \"@@$1 $2 $rc $(printf '%s' \"$o\" | tr '\\n' ' ' | cut -c1-160)\"; }\n");
        clusterIp.ifPresent(ip -> {
            for (int i = 1; i <= CLUSTER_IP_TRIES; i++) {
                s.append("t clusterip ").append(ip).append(' ').append(url(ip, VerifyWorkload.SERVICE_PORT)).append(" &\n");
            }
        });
        // any HTTP status from the apiserver's Service proves the path (no credentials are sent: 401/403 are fine)
        kubernetesIp.ifPresent(ip -> s.append("{ o=$(curl -ksS -m ").append(REQUEST_SECONDS).append(" -o /dev/null -w '%{http_code}' https://")
                .append(ip).append(":443/livez 2>&1); rc=$?; echo \"@@apiserver ").append(ip)
                // one echo, one write: lines of jobs running side by side must not interleave
                .append(" $rc $(printf '%s' \"$o\" | tr '\\n' ' ' | cut -c1-160)\"; } &\n"));
        nodePort.ifPresent(port -> {
            for (String ip : nodeIps) {
                for (int i = 0; i < NODE_PORT_TRIES; i++) {
                    s.append("t nodeport ").append(ip).append(' ').append(url(ip, port)).append(" &\n");
                }
            }
        });
        localPod.ifPresent(pod -> {
            // containerd's CNI network namespaces are named (ip netns); the pod's is the one holding its address
            s.append("ns=; for n in $(ip netns list 2>/dev/null | cut -d' ' -f1); do if ip -n \"$n\" -o -4 addr show 2>/dev/null")
                    .append(" | grep -q ").append(Commands.quote(" inet " + pod + "/")).append("; then ns=$n; break; fi; done\n");
            s.append("echo \"@@podns ${ns:-none}\"\n");
            if (!peerPods.isEmpty()) {
                s.append("if [ -n \"$ns\" ]; then\n");
                for (String peer : peerPods) {
                    s.append("t pod ").append(peer).append(' ').append(url(peer, VerifyWorkload.POD_PORT)).append(" \"$ns\" &\n");
                }
                s.append("fi\n");
            }
        });
        s.append("wait\n");
        return s.toString();
    }

    private static String url(String ip, int port) {
        return "http://" + ip + ":" + port + "/index.html";
    }
}
