package dev.overlaylab.verify;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.plan.NodeShellFactory;
import dev.overlaylab.ssh.NodeShell;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link NodeAccess} that opens one shell per node on first use (through the SSH layer's factory) and closes
 * them all at the end. {@code endpoints} are the provider's view of the nodes (SSH host and port filled in).
 */
public final class OpenedShells implements NodeAccess, AutoCloseable {
    private final Lab lab;
    private final Map<String, Node> endpoints = new LinkedHashMap<>();
    private final NodeShellFactory factory;
    private final Map<String, NodeShell> open = new LinkedHashMap<>();

    public OpenedShells(Lab lab, List<Node> endpoints, NodeShellFactory factory) {
        this.lab = lab;
        endpoints.forEach(n -> this.endpoints.put(n.name(), n));
        this.factory = factory;
    }

    @Override
    public synchronized NodeShell shell(String nodeName) {
        NodeShell s = open.get(nodeName);
        if (s == null) {
            Node n = endpoints.getOrDefault(nodeName, lab.node(nodeName).orElseThrow(
                    () -> new IllegalArgumentException("no node " + nodeName + " in lab " + lab.name())));
            s = factory.open(lab, n);
            open.put(nodeName, s);
        }
        return s;
    }

    @Override
    public LeaseSource leases() {
        return new EtcdctlLeaseSource(lab, shellOrUnreachable(lab.master().name()));
    }

    @Override
    public synchronized void close() {
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
