package dev.overlaylab.verify.kube;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.ssh.NodeShell;
import dev.overlaylab.verify.Cells;
import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.NodeAccess;
import dev.overlaylab.verify.NodeFacts;
import dev.overlaylab.verify.Probe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The Kubernetes rows of one verify, for a lab with a {@code kubernetes:} section: the master's script starts
 * with the matrix (its rollout wait overlaps the flannel reads), then each node runs its own script, in parallel
 * with the flannel pair cells, and the rows are judged from both. One exec on the master, one per node.
 */
public final class KubePhase {
    /** The rows, in matrix order; the unit rows come first, per {@link KubeTarget}. */
    static final List<KubeCheck> ROWS = List.of(new NodeReadyCheck(), new PodSubnetCheck(), new ClusterIpCheck(),
            new NodePortCheck(), new ApiserverServiceCheck(), new PodHttpAcrossCheck());

    private final Lab lab;
    private final KubeTarget target;
    private final Cells cells;
    private final Future<Probe> cluster;

    private KubePhase(Lab lab, KubeTarget target, Cells cells, Future<Probe> cluster) {
        this.lab = lab;
        this.target = target;
        this.cells = cells;
        this.cluster = cluster;
    }

    /** Every row id, unit rows included: what a single-cell re-run may ask for. */
    public static boolean isRow(String id) {
        return id.startsWith("k8s-") || id.startsWith("kube") || ROWS.stream().anyMatch(r -> r.id().equals(id));
    }

    /** Starts the master's script when the lab has Kubernetes and a Kubernetes cell is selected; empty otherwise. */
    public static Optional<KubePhase> start(Lab lab, Cells cells, Map<String, NodeShell> shells, NodeAccess access,
                                            ExecutorService pool) {
        Optional<KubeTarget> target = KubeTarget.of(lab);
        if (target.isEmpty() || !(cells.all() || cells.id().filter(KubePhase::isRow).isPresent())) {
            return Optional.empty();
        }
        // a single re-run cell on a worker still needs the master's kubectl
        NodeShell master = Optional.ofNullable(shells.get(lab.master().name()))
                .orElseGet(() -> access.shellOrUnreachable(lab.master().name()));
        KubeTarget t = target.get();
        Future<Probe> f = pool.submit(() -> Probe.run(master, ClusterScript.render(t.kubectl(), t.image()), ClusterScript.TIMEOUT));
        return Optional.of(new KubePhase(lab, t, cells, f));
    }

    /** One task per node read: its script, then its rows (filtered to the selected cells). */
    public List<Callable<List<CheckResult>>> nodeTasks(Map<String, NodeShell> shells, Map<String, NodeFacts> facts)
            throws InterruptedException {
        ClusterFacts cf = ClusterFacts.parse(get(cluster));
        Map<String, String> podIps = new LinkedHashMap<>();
        for (Node n : lab.nodes()) {
            cf.node(n.name(), n.ip()).flatMap(k -> cf.podOn(k.name())).filter(p -> !p.ip().isEmpty())
                    .ifPresent(p -> podIps.put(n.name(), p.ip()));
        }
        List<String> readyPods = cf.pods().stream().filter(p -> p.ready() && !p.ip().isEmpty()).map(ClusterFacts.KubePod::ip).toList();
        List<Callable<List<CheckResult>>> tasks = new ArrayList<>();
        for (Node n : lab.nodes()) {
            NodeShell shell = shells.get(n.name());
            if (shell == null) {
                continue;
            }
            tasks.add(() -> {
                List<String> peers = lab.nodes().stream().filter(p -> p != n && podIps.containsKey(p.name()))
                        .map(p -> podIps.get(p.name())).toList();
                String script = NodeScript.render(target.unitsOn(lab, n), cf.clusterIp(), cf.nodePort(),
                        lab.nodes().stream().map(Node::ip).toList(), Optional.ofNullable(podIps.get(n.name())), peers, cf.kubernetesIp(), readyPods);
                NodeKubeFacts seen = NodeKubeFacts.parse(n.name(), Probe.run(shell, script, NodeScript.TIMEOUT));
                KubeContext ctx = new KubeContext(lab, target, n, cf, Optional.ofNullable(facts.get(n.name())), seen, podIps);
                List<CheckResult> out = new ArrayList<>();
                for (String unit : target.unitsOn(lab, n)) {
                    out.addAll(new UnitActiveCheck(unit).check(ctx));
                }
                for (KubeCheck c : ROWS) {
                    out.addAll(c.check(ctx));
                }
                return out.stream().filter(r -> r.peer().isEmpty() ? cells.nodeCell(r.id(), r.node())
                        : cells.pairCell(r.id(), r.node(), r.peer().get())).toList();
            });
        }
        return tasks;
    }

    private static Probe get(Future<Probe> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading the cluster failed unexpectedly: " + e.getCause(), e.getCause());
        }
    }
}
