package dev.overlaylab.verify.kube;

import dev.overlaylab.exec.Commands;
import java.time.Duration;

/**
 * The one script the Kubernetes rows run on the master: apply the verify workload (idempotent), wait a
 * bounded time for its DaemonSet to be ready everywhere, then print the nodes, the pods and the Services
 * as {@code @@} lines that {@link ClusterFacts} reads. Every {@code kubectl} call has its own bound
 * ({@code --request-timeout}), so a dead apiserver costs seconds, not the whole timeout.
 */
public final class ClusterScript {
    /** How long the DaemonSet may take to have a ready pod on every node (the first verify creates them). */
    static final int ROLLOUT_SECONDS = 40;
    /** The whole script: the rollout wait plus the reads. */
    public static final Duration TIMEOUT = Duration.ofSeconds(ROLLOUT_SECONDS + 20);

    private ClusterScript() {
    }

    /** {@code kubectl} is the command line that reaches the cluster as its admin, e.g. with {@code --kubeconfig}. */
    public static String render(String kubectl, String image) {
        String k = kubectl + " --request-timeout=5s";
        String nodes = "{range .items[*]}{\"@@node \"}{.metadata.name}{\" \"}"
                + "{range .status.addresses[?(@.type==\"InternalIP\")]}{.address}{end}{\" \"}"
                + "{range .status.conditions[?(@.type==\"Ready\")]}{.status}{end}{\"\\n\"}{end}";
        String pods = "{range .items[*]}{\"@@pod \"}{.metadata.name}{\" \"}{.spec.nodeName}{\" \"}{.status.podIP}{\" \"}"
                + "{.status.phase}{\" \"}{.status.containerStatuses[0].ready}{\"\\n\"}{end}";
        String services = "{range .items[*]}{\"@@service \"}{.metadata.name}{\" \"}{.spec.clusterIP}{\" \"}"
                + "{.spec.ports[0].nodePort}{\"\\n\"}{end}";
        return k + " apply -f - <<'OLAB_EOF'\n" + VerifyWorkload.manifest(image) + "OLAB_EOF\n"
                + "echo \"@@apply $?\"\n"
                + kubectl + " -n " + VerifyWorkload.NAMESPACE + " rollout status ds/" + VerifyWorkload.DAEMONSET
                + " --timeout=" + ROLLOUT_SECONDS + "s 2>&1 | tail -n 2\n"
                + k + " get nodes -o jsonpath=" + Commands.quote(nodes) + "\n"
                + k + " -n " + VerifyWorkload.NAMESPACE + " get pods -l app=" + VerifyWorkload.DAEMONSET
                + " -o jsonpath=" + Commands.quote(pods) + "\n"
                + k + " -n " + VerifyWorkload.NAMESPACE + " get services -o jsonpath=" + Commands.quote(services) + "\n"
                // the apiserver's own Service: its endpoint is the address the apiserver advertises
                + k + " -n default get service kubernetes -o jsonpath=" + Commands.quote("{\"@@service kubernetes \"}{.spec.clusterIP}{\" \\n\"}") + "\n";
    }
}
