package dev.overlaylab.verify.kube;

import dev.overlaylab.verify.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the master's one {@code kubectl} script read about the cluster: its nodes, the verify DaemonSet's
 * pods and the two Services. Lines the script could not produce (the apiserver down) leave the lists empty;
 * {@link #probe()} keeps the whole output as the evidence.
 */
public record ClusterFacts(Probe probe, List<KubeNode> nodes, List<KubePod> pods, Optional<String> clusterIp,
                           Optional<Integer> nodePort, Optional<String> kubernetesIp) {

    /** A Kubernetes node as {@code kubectl get nodes} sees it. */
    public record KubeNode(String name, String internalIp, String ready) {
        public boolean isReady() {
            return "True".equals(ready);
        }
    }

    /** One pod of the verify DaemonSet. */
    public record KubePod(String name, String node, String ip, String phase, boolean ready) {
    }

    public ClusterFacts {
        nodes = List.copyOf(nodes);
        pods = List.copyOf(pods);
    }

    /** Reads the {@code @@node}, {@code @@pod} and {@code @@service} lines of {@link ClusterScript}. */
    public static ClusterFacts parse(Probe p) {
        List<KubeNode> nodes = new ArrayList<>();
        List<KubePod> pods = new ArrayList<>();
        Optional<String> clusterIp = Optional.empty();
        Optional<Integer> nodePort = Optional.empty();
        Optional<String> kubernetesIp = Optional.empty();
        for (String line : p.stdout().split("\n")) {
            // single spaces, empties kept: a pending pod has no IP yet, and its fields must not shift
            String[] w = line.stripLeading().replace("\r", "").split(" ", -1);
            switch (w[0]) {
                case "@@node" -> {
                    if (w.length >= 3) {
                        nodes.add(new KubeNode(w[1], w[2], w.length < 4 || w[3].isEmpty() ? "Unknown" : w[3]));
                    }
                }
                case "@@pod" -> {
                    if (w.length >= 6) {
                        pods.add(new KubePod(w[1], w[2], w[3], w[4], w[5].equals("true")));
                    }
                }
                case "@@service" -> {
                    if (w.length >= 3 && w[1].equals(VerifyWorkload.CLUSTER_IP_SERVICE) && !w[2].isEmpty() && !w[2].equals("None")) {
                        clusterIp = Optional.of(w[2]);
                    }
                    if (w.length >= 3 && w[1].equals("kubernetes") && !w[2].isEmpty()) {
                        kubernetesIp = Optional.of(w[2]);
                    }
                    if (w.length >= 4 && w[1].equals(VerifyWorkload.NODE_PORT_SERVICE)) {
                        try {
                            nodePort = Optional.of(Integer.parseInt(w[3]));
                        } catch (NumberFormatException e) {
                            // no port yet: the NodePort row fails with the script's output as evidence
                        }
                    }
                }
                default -> {
                }
            }
        }
        return new ClusterFacts(p, nodes, pods, clusterIp, nodePort, kubernetesIp);
    }

    /** The Kubernetes node of a lab node: same name, or its InternalIP is the lab node's host-only address. */
    public Optional<KubeNode> node(String labNodeName, String hostOnlyIp) {
        return nodes.stream().filter(n -> n.name().equals(labNodeName)).findFirst()
                .or(() -> nodes.stream().filter(n -> n.internalIp().equals(hostOnlyIp)).findFirst());
    }

    /** The verify pod scheduled on that Kubernetes node. */
    public Optional<KubePod> podOn(String kubeNodeName) {
        return pods.stream().filter(p -> p.node().equals(kubeNodeName)).findFirst();
    }
}
