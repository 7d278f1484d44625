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
 * <p>Before the requests, while this node's kube-proxy runs, the script waits (at most {@link #RULES_WAIT_TENTHS}
 * tenths of a second) until the node's NAT rules lead the verify Services (ClusterIP and NodePort) to every ready
 * pod and the apiserver's own Service to an endpoint, written by the running kube-proxy (see rulesWait). The API
 * says a pod is ready, or the apiserver is back, before kube-proxy has
 * written it: kube-proxy writes its rules at most once a second after it hears of a change, and a request made in
 * between is refused by its "no endpoints" reject rule. Seen in CI right after {@code up} (3 of 8 ClusterIP
 * requests refused, then every pod answering) and right after the apiserver's restart (its Service refused on
 * both nodes). The wait changes no fault's outcome: with seed 004's fault the rules are complete (replies take
 * the wrong way), an apiserver advertising the wrong address has an endpoint (the wrong one), and with
 * kube-proxy stopped there is nothing to wait for.
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
    /** The bound on the wait for kube-proxy's rules, in tenths of a second (plus the time of each rules read). */
    public static final int RULES_WAIT_TENTHS = 60;
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    /**
     * kube-proxy's metrics (its config sets this address; {@code templates/kube/kube-proxy-config.yaml.ftl}). The gauge
     * {@link #SYNCED_METRIC} appears there only after the running process has written its rules once (seen on a local
     * lab node, v1.37.2, 2026-11-28: one sample per IP family).
     */
    static final String METRICS_URL = "http://127.0.0.1:10249/metrics";
    static final String SYNCED_METRIC = "kubeproxy_sync_proxy_rules_last_timestamp_seconds";
    /** The IPv4 rules: kube-proxy runs one proxier per family, and an IPv6 one may sync first. */
    static final String SYNCED_SAMPLE = SYNCED_METRIC + "{ip_family=\"IPv4\"}";
    /** How kube-proxy names the two Services in its rules' comments. */
    static final String VERIFY_SERVICE = VerifyWorkload.NAMESPACE + "/" + VerifyWorkload.CLUSTER_IP_SERVICE;
    static final String NODE_PORT_SERVICE = VerifyWorkload.NAMESPACE + "/" + VerifyWorkload.NODE_PORT_SERVICE;
    static final String KUBERNETES_SERVICE = "default/kubernetes:https";

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
     * @param readyPods the addresses of every ready verify pod: the endpoints kube-proxy's rules must lead the verify
     *                  Service to before the requests
     */
    public static String render(List<String> units, Optional<String> clusterIp, Optional<Integer> nodePort, List<String> nodeIps,
                                Optional<String> localPod, List<String> peerPods, Optional<String> kubernetesIp, List<String> readyPods) {
        StringBuilder s = new StringBuilder();
        s.append("for u in");
        units.forEach(u -> s.append(' ').append(u));
        s.append("; do echo \"@@unit $u $(systemctl is-active $u 2>/dev/null || true)\"; done\n");
        List<String> wanted = new java.util.ArrayList<>();
        clusterIp.ifPresent(ip -> readyPods.forEach(p -> wanted.add(VERIFY_SERVICE + " " + p + ":" + VerifyWorkload.POD_PORT)));
        // the NodePort Service has its own EndpointSlice, so its rules may come in another sync than the ClusterIP's
        nodePort.ifPresent(port -> readyPods.forEach(p -> wanted.add(NODE_PORT_SERVICE + " " + p + ":" + VerifyWorkload.POD_PORT)));
        kubernetesIp.ifPresent(ip -> wanted.add(KUBERNETES_SERVICE + " "));
        if (!wanted.isEmpty()) {
            s.append(rulesWait(wanted));
        }
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

    /**
     * {@code @@proxyrules MISSING OF WAITED SYNCED}: how many of the wanted endpoints the DNAT rules still missed, of
     * how many, after how many tenths of a second, and whether the running kube-proxy had written its rules by then
     * (1) or not (0). Each wanted endpoint is "SERVICE DESTINATION": a DNAT rule whose comment names the Service
     * (quoted or not, depending on the iptables build) and whose {@code --to-destination} starts with DESTINATION
     * (empty: any endpoint).
     *
     * <p>Rules in place are not enough: a kube-proxy just restarted (by {@code up} after a config change, or by hand)
     * leaves its predecessor's rules until its own first sync, which needs the apiserver's Services and endpoints
     * first. Seen in CI (2026-11-28): right after {@code up} restored seed 004's missing {@code clusterCIDR} and
     * restarted kube-proxy, node1's requests to the master's endpoints timed out, judged on the old rules, which do
     * not masquerade. So the wait also holds until the running process's metrics show a sync.
     */
    private static String rulesWait(List<String> wanted) {
        StringBuilder s = new StringBuilder();
        s.append("if [ \"$(systemctl is-active kube-proxy 2>/dev/null)\" = active ]; then\n")
                // no rules to read (iptables-save missing or failing): report nothing rather than a 6 s wait blamed on kube-proxy
                .append("  w=0; s=0; while :; do a=$(iptables-save -t nat 2>/dev/null) || { m=unread; break; }\n")
                .append("    [ $s -eq 1 ] || { curl -s -m 1 ").append(METRICS_URL).append(" 2>/dev/null | grep -qF ")
                .append(Commands.quote(SYNCED_SAMPLE)).append(" && s=1; }\n")
                .append("    r=$(printf '%s\\n' \"$a\" | grep -F -- '-j DNAT --to-destination'); m=0\n")
                .append("    for e in");
        wanted.forEach(e -> s.append(' ').append(Commands.quote(e)));
        s.append("; do printf '%s\\n' \"$r\" | grep -F -e \"\\\"${e%% *}\\\"\" -e \"${e%% *} \" | grep -qF -- \"--to-destination ${e#* }\" || m=$((m+1)); done\n")
                .append("    { { [ $m -eq 0 ] && [ $s -eq 1 ]; } || [ $w -ge ").append(RULES_WAIT_TENTHS).append(" ]; } && break; w=$((w+1)); sleep 0.1\n")
                .append("  done; echo \"@@proxyrules $m ").append(wanted.size()).append(" $w $s\"\n")
                .append("fi\n");
        return s.toString();
    }

    private static String url(String ip, int port) {
        return "http://" + ip + ":" + port + "/index.html";
    }
}
