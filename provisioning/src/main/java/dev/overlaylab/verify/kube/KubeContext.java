package dev.overlaylab.verify.kube;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.verify.NodeFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a Kubernetes row judges for one node: the lab, what the master read about the cluster, what
 * the flannel rows read from the node (its subnet.env), and what the node's own script saw.
 */
public record KubeContext(Lab lab, KubeTarget target, Node node, ClusterFacts cluster, Optional<NodeFacts> facts,
                          NodeKubeFacts seen, Map<String, String> podIps) {

    public KubeContext {
        podIps = Map.copyOf(podIps);
    }

    /** This node's Kubernetes node (by name or InternalIP). */
    public Optional<ClusterFacts.KubeNode> kubeNode() {
        return cluster.node(node.name(), node.ip());
    }

    /** This node's verify pod. */
    public Optional<ClusterFacts.KubePod> pod() {
        return kubeNode().flatMap(k -> cluster.podOn(k.name()));
    }

    /** The other lab nodes, in lab order. */
    public List<Node> peers() {
        return lab.nodes().stream().filter(n -> n != node).toList();
    }

    /** The lab node whose Kubernetes node has this name (the name a pod answers with). */
    public Optional<String> labNodeOf(String kubeNodeName) {
        return cluster.nodes().stream().filter(k -> k.name().equals(kubeNodeName)).findFirst()
                .flatMap(k -> lab.nodes().stream().filter(n -> n.name().equals(k.name()) || n.ip().equals(k.internalIp()))
                        .findFirst().map(Node::name))
                .or(() -> Optional.of(kubeNodeName));
    }
}
