package dev.overlaylab.verify;

import dev.overlaylab.etcd.EtcdPort;
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
 * {@link NodeAccess} that opens one shell per node on first use (through the SSH layer's factory) and the
 * lab's etcd port on first use (through the master, with the composition's transport), and closes them all
 * at the end. {@code endpoints} are the provider's view of the nodes (SSH host and port filled in).
 */
public final class OpenedShells implements NodeAccess, AutoCloseable {
    private final Lab lab;
    private final Map<String, Node> endpoints = new LinkedHashMap<>();
    private final NodeShellFactory factory;
    private final Map<String, NodeShell> open = new ConcurrentHashMap<>();
    private final EtcdPort.Factory etcdPorts;
    private EtcdPort etcd;

    public OpenedShells(Lab lab, List<Node> endpoints, NodeShellFactory factory, EtcdPort.Factory etcdPorts) {
        this.lab = lab;
        endpoints.forEach(n -> this.endpoints.put(n.name(), n));
        this.factory = factory;
        this.etcdPorts = etcdPorts;
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
        return LeaseSource.of(this::etcd);
    }

    /** The lab's etcd port, opened once through the master's shell. */
    private synchronized EtcdPort etcd() {
        if (etcd == null) {
            etcd = etcdPorts.open(lab, shell(lab.master().name()));
        }
        return etcd;
    }

    @Override
    public void close() {
        List<RuntimeException> errors = new ArrayList<>();
        synchronized (this) {
            if (etcd != null) {
                try {
                    etcd.close();
                } catch (RuntimeException e) {
                    errors.add(e);
                }
                etcd = null;
            }
        }
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
