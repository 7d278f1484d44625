package dev.overlaylab.verify;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.ssh.NodeShellFactory;
import dev.overlaylab.ssh.NodeShell;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link NodeAccess} that opens one shell per node on first use (through the SSH layer's factory) and closes
 * them all at the end. {@code endpoints} are the provider's view of the nodes (SSH host and port filled in).
 */
public final class OpenedShells implements NodeAccess, AutoCloseable {
    private final Lab lab;
    private final Map<String, Node> endpoints = new LinkedHashMap<>();
    private final NodeShellFactory factory;
    private final Map<String, NodeShell> open = new ConcurrentHashMap<>();

    public OpenedShells(Lab lab, List<Node> endpoints, NodeShellFactory factory) {
        this.lab = lab;
        endpoints.forEach(n -> this.endpoints.put(n.name(), n));
        this.factory = factory;
    }

    /** Opens the node's connection on first use; nodes connect in parallel, each node once. */
    @Override
    public NodeShell shell(String nodeName) {
        return open.computeIfAbsent(nodeName, name -> {
            Node n = endpoints.getOrDefault(name, lab.node(name).orElseThrow(
                    () -> new IllegalArgumentException("no node " + name + " in lab " + lab.name())));
            return factory.open(lab, n);
        });
    }

    @Override
    public LeaseSource leases() {
        return new EtcdctlLeaseSource(lab, shellOrUnreachable(lab.master().name()));
    }

    @Override
    public void close() {
        List<RuntimeException> errors = new ArrayList<>();
        for (NodeShell s : open.values()) {
            try {
                s.close();
            } catch (RuntimeException e) {
                errors.add(e);
            }
        }
        open.clear();
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
    }
}
