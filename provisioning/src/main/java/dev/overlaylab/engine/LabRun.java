package dev.overlaylab.engine;

import dev.overlaylab.etcd.EtcdPort;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.render.RenderedLab;
import dev.overlaylab.ssh.NodeShell;
import dev.overlaylab.ssh.NodeShellFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything one pipeline run shares across stages: the lab and its rendering, the options, the
 * nodes as the provider reported them, one shell per node (opened on first use, reused, closed at
 * the end) and the lab's etcd port.
 */
public final class LabRun implements AutoCloseable {
    private final Lab lab;
    private final RenderedLab rendered;
    private final RunOptions options;
    private final ProgressListener listener;
    private final Optional<Provider> provider;
    private final NodeShellFactory shells;
    private final EtcdPort.Factory etcdPorts;
    private final Optional<VerifyStage> verifier;
    private final java.util.function.Function<String, String> pendingFiles;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, NodeShell> open = new ConcurrentHashMap<>();
    private final Map<String, NodeRun> nodeRuns = new ConcurrentHashMap<>();
    private EtcdPort etcd;

    LabRun(Lab lab, RenderedLab rendered, RunOptions options, ProgressListener listener, Optional<Provider> provider,
            NodeShellFactory shells, EtcdPort.Factory etcdPorts, Optional<VerifyStage> verifier,
            java.util.function.Function<String, String> pendingFiles) {
        this.lab = lab;
        this.rendered = rendered;
        this.options = options;
        this.listener = listener;
        this.provider = provider;
        this.shells = shells;
        this.etcdPorts = etcdPorts;
        this.verifier = verifier;
        this.pendingFiles = pendingFiles;
        lab.nodes().forEach(n -> nodes.put(n.name(), n));
    }

    public Lab lab() {
        return lab;
    }

    public RenderedLab rendered() {
        return rendered;
    }

    public RunOptions options() {
        return options;
    }

    public ProgressListener listener() {
        return listener;
    }

    public Optional<Provider> provider() {
        return provider;
    }

    public Optional<VerifyStage> verifier() {
        return verifier;
    }

    /** The nodes with their SSH endpoints as last reported by the provider (the lab's own until then). */
    public synchronized List<Node> nodes() {
        return new ArrayList<>(nodes.values());
    }

    public synchronized Node node(String name) {
        Node n = nodes.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no node named " + name + " in lab " + lab.name());
        }
        return n;
    }

    /** Takes the provider's view of the nodes (SSH endpoints filled in). */
    public synchronized void useNodes(List<Node> fromProvider) {
        for (Node n : fromProvider) {
            nodes.put(n.name(), n);
        }
    }

    /** The node's shell, connecting on first use; never call in a dry run. */
    public NodeShell shell(String nodeName) {
        if (options.dryRun()) {
            throw new IllegalStateException("dry run: no connection to " + nodeName + " may be opened");
        }
        return open.computeIfAbsent(nodeName, n -> shells.open(lab, node(n)));
    }

    /** Every node's shell, connecting where needed, in the lab's node order. */
    public Map<String, NodeShell> allShells() {
        Map<String, NodeShell> all = new LinkedHashMap<>();
        for (Node n : nodes()) {
            all.put(n.name(), shell(n.name()));
        }
        return all;
    }

    public NodeRun nodeRun(String nodeName) {
        return nodeRuns.computeIfAbsent(nodeName, n -> new NodeRun(shell(n), pendingFiles.apply(n)));
    }

    List<String> restarts() {
        List<String> out = new ArrayList<>();
        for (Node n : lab.nodes()) {
            NodeRun r = nodeRuns.get(n.name());
            if (r != null) {
                r.restartedUnits().forEach(u -> out.add(n.name() + ": " + u));
            }
        }
        return out;
    }

    /** The lab's etcd, opened on first use through the master's shell and closed with the run. */
    public synchronized EtcdPort etcd() {
        if (etcd == null) {
            etcd = etcdPorts.open(lab, shell(lab.master().name()));
        }
        return etcd;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (etcd != null) {
                try {
                    etcd.close();
                } catch (RuntimeException e) {
                    // closing is best effort: the run's outcome is already decided
                }
                etcd = null;
            }
        }
        for (NodeShell s : open.values()) {
            try {
                s.close();
            } catch (RuntimeException e) {
                // closing is best effort: the run's outcome is already decided
            }
        }
        open.clear();
    }
}
