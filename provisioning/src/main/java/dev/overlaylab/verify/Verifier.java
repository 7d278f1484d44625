package dev.overlaylab.verify;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Plural;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.ssh.NodeShell;
import dev.overlaylab.verify.check.Docker0MtuCheck;
import dev.overlaylab.verify.check.Docker0PingCheck;
import dev.overlaylab.verify.check.Docker0SubnetCheck;
import dev.overlaylab.verify.check.EtcdHealthCheck;
import dev.overlaylab.verify.check.ForwardPolicyCheck;
import dev.overlaylab.verify.check.HostOnlyPingCheck;
import dev.overlaylab.verify.check.LeasePublicIpCheck;
import dev.overlaylab.verify.check.MtuProbeCheck;
import dev.overlaylab.verify.check.NodeCheck;
import dev.overlaylab.verify.check.NodeContext;
import dev.overlaylab.verify.check.PairCheck;
import dev.overlaylab.verify.check.PairContext;
import dev.overlaylab.verify.check.PodHttpCheck;
import dev.overlaylab.verify.check.PodPingCheck;
import dev.overlaylab.verify.check.ServiceActiveCheck;
import dev.overlaylab.verify.check.SubnetEnvCheck;
import dev.overlaylab.verify.check.VerifyPodCheck;
import dev.overlaylab.verify.kube.KubePhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the verification matrix on a lab that is up. Three phases, each parallel across nodes or pairs:
 * open the shells and read every node (services, subnet.env, start its verify pod, docker0, FORWARD, etcd;
 * one exec per node, see {@link NodeReader}) while the leases are read from etcd; judge the per-node checks; run the pair
 * checks (one exec per source node and up to {@link PairRun#PEERS_PER_EXEC} peers, every cell in parallel). A verify pod that runs is kept for the next run (see {@link #removePods}).
 */
public final class Verifier {
    static final String STAGE = "verify";
    /** Threads at most; per node, {@link BoundedShell} keeps commands in flight below sshd's session limit. */
    private static final int MAX_PARALLEL = 24;

    /** The per-node checks, in matrix order. */
    public static final List<NodeCheck> NODE_CHECKS = List.of(
            new ServiceActiveCheck("etcd"), new ServiceActiveCheck("flanneld"), new ServiceActiveCheck("docker"),
            new EtcdHealthCheck(), new SubnetEnvCheck(), new LeasePublicIpCheck(), new Docker0SubnetCheck(),
            new Docker0MtuCheck(), new ForwardPolicyCheck(), new VerifyPodCheck());

    /** The checks of one ordered pair, lowest layer first (the matrix rows). */
    public static final List<PairCheck> PAIR_CHECKS = List.of(
            new HostOnlyPingCheck(), new Docker0PingCheck(), new PodPingCheck(), new PodHttpCheck(), new MtuProbeCheck());

    public VerificationReport run(Lab lab, NodeAccess access, ProgressListener progress) {
        return run(lab, access, progress, Cells.ALL);
    }

    /** The selected cells only; the nodes no selected cell needs are not read. */
    public VerificationReport run(Lab lab, NodeAccess access, ProgressListener progress, Cells cells) {
        long t0 = System.nanoTime();
        PairSample sample = PairSample.of(lab.nodes().stream().map(Node::name).toList(), cells.full() || !cells.all(), seed());
        progress.on(ProgressEvent.of(STAGE, "", "verify", ProgressEvent.Status.STARTED,
                Plural.count(lab.nodes().size(), "node") + ", " + (sample.sampled() ? sample.description()
                        : Plural.count(lab.nodes().size() * (lab.nodes().size() - 1), "pair"))));
        boolean pods = lab.verify().pods() || lab.verify().http() || lab.verify().mtuProbe();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(MAX_PARALLEL, Math.max(8, 4 * lab.nodes().size())), r -> {
            Thread t = new Thread(r, "olab-verify");
            t.setDaemon(true);
            return t;
        });
        Map<String, NodeShell> shells = new LinkedHashMap<>();
        Map<String, NodeFacts> facts = new LinkedHashMap<>();
        List<CheckResult> results = new ArrayList<>();
        LeaseView leases = new LeaseView(List.of(), Optional.empty());
        try {
            // connections open in parallel (an SSH login is a few hundred milliseconds)
            Map<String, Future<NodeShell>> opening = new LinkedHashMap<>();
            for (Node n : lab.nodes().stream().filter(n -> cells.reads(n.name())).toList()) {
                opening.put(n.name(), pool.submit(() -> (NodeShell) new BoundedShell(access.shellOrUnreachable(n.name()), BoundedShell.PER_NODE)));
            }
            for (var e : opening.entrySet()) {
                shells.put(e.getKey(), get(e.getValue()));
            }
            Future<LeaseView> leaseFuture = pool.submit(() -> LeaseView.read(access.leases()));
            // the master's kubectl script (its rollout wait) overlaps the node reads
            Optional<KubePhase> kube = KubePhase.start(lab, cells, shells, access, pool);
            List<NodeReader.Pending> reads = new ArrayList<>();
            for (Node n : lab.nodes().stream().filter(n -> cells.reads(n.name())).toList()) {
                reads.add(NodeReader.start(lab, n, shells.get(n.name()), pods, pool));
            }
            leases = get(leaseFuture);
            for (NodeReader.Pending p : reads) {
                NodeFacts nf = join(p);
                facts.put(nf.name(), nf);
            }
            for (NodeFacts nf : facts.values()) {
                NodeContext ctx = new NodeContext(lab, nf, leases);
                for (NodeCheck c : NODE_CHECKS) {
                    if (c.appliesTo(ctx) && cells.nodeCell(c.id(), nf.name())) {
                        results.add(report(progress, c.check(ctx)));
                    }
                }
            }
            int nodeRows = results.size();
            List<Future<List<CheckResult>>> kubeRows = new ArrayList<>();
            if (kube.isPresent()) {
                for (Callable<List<CheckResult>> t : kube.get().nodeTasks(shells, facts)) {
                    kubeRows.add(pool.submit(t));
                }
            }
            // a source node's pairs are one exec on it (PairRun; at most PairRun.PEERS_PER_EXEC peers each), its cells
            // all in the background; source nodes are independent, and a failing cell waits out its timeout without
            // holding up other nodes
            List<Callable<List<CheckResult>>> tasks = new ArrayList<>();
            for (Node a : lab.nodes()) {
                List<PairRun.Pair> pairs = new ArrayList<>();
                for (Node b : lab.nodes()) {
                    if (a != b && cells.reads(a.name()) && cells.reads(b.name()) && sample.includes(a.name(), b.name())) {
                        PairContext ctx = new PairContext(lab, facts.get(a.name()), facts.get(b.name()), shells.get(a.name()));
                        List<PairCheck> selected = PAIR_CHECKS.stream().filter(c -> cells.pairCell(c.id(), a.name(), b.name())).toList();
                        if (!selected.isEmpty()) {
                            pairs.add(new PairRun.Pair(ctx, selected));
                        }
                    }
                }
                for (List<PairRun.Pair> chunk : PairRun.chunks(pairs)) {
                    tasks.add(() -> PairRun.run(chunk).stream().map(r -> report(progress, r)).toList());
                }
            }
            for (Future<List<CheckResult>> f : pool.invokeAll(tasks)) {
                results.addAll(get(f));
            }
            // the Kubernetes rows: per-node ones after the flannel per-node rows, pair ones last
            List<CheckResult> kubeNode = new ArrayList<>();
            for (Future<List<CheckResult>> f : kubeRows) {
                for (CheckResult r : get(f)) {
                    if (r.peer().isEmpty()) {
                        kubeNode.add(report(progress, r));
                    } else {
                        results.add(report(progress, r));
                    }
                }
            }
            results.addAll(nodeRows, kubeNode);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (pods) {
                removePods(shells, facts, pool);
            }
            pool.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        VerificationReport report = new VerificationReport(lab.name(), results, leases.leases(), elapsed,
                cells.all() ? sample.description() : "");
        progress.on(new ProgressEvent(STAGE, "", "verify", report.allPassed() ? ProgressEvent.Status.UNCHANGED
                : ProgressEvent.Status.FAILED, elapsed, report.failures().size() + " of " + results.size() + " checks failed"));
        return report;
    }

    /** A new draw of the sampled pairs each run; {@code -Dolab.verify.seed=N} repeats one. */
    private static long seed() {
        return Long.getLong("olab.verify.seed", System.nanoTime() % 1_000_000);
    }

    private static CheckResult report(ProgressListener progress, CheckResult r) {
        ProgressEvent.Status s = switch (r.status()) {
            case PASS -> ProgressEvent.Status.UNCHANGED;
            case FAIL -> ProgressEvent.Status.FAILED;
            case SKIP -> ProgressEvent.Status.SKIPPED;
        };
        progress.on(new ProgressEvent(STAGE, r.node(), r.id() + r.peer().map(p -> " → " + p).orElse(""), s, r.duration(),
                r.status() + ": " + r.summary()));
        return r;
    }

    /**
     * A pod that runs stays for the next verify ({@link NodeCommands#startPod} takes it again while it is young, and it
     * ends by itself after {@link NodeCommands#POD_LIFE_SECONDS}). Removed here, waiting for docker, is only a start
     * that failed half-way or a node not read to the end. Never where no pod was started: a {@code docker rm} on a
     * node whose docker is stopped wakes docker.socket, and docker's drop-in (Requires=flanneld) starts flanneld with
     * it, so a verify would quietly repair the very fault it should report.
     */
    private static void removePods(Map<String, NodeShell> shells, Map<String, NodeFacts> facts, ExecutorService pool) {
        List<Callable<Probe>> stops = new ArrayList<>();
        for (var e : shells.entrySet()) {
            NodeFacts f = facts.get(e.getKey());
            if (f == null || (f.podStart().isPresent() && f.pod().isEmpty())) {
                stops.add(() -> Probe.run(e.getValue(), NodeCommands.stopPod(), NodeCommands.QUICK));
            }
        }
        try {
            pool.invokeAll(stops);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static NodeFacts join(NodeReader.Pending p) throws InterruptedException {
        try {
            return p.join();
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading a node failed unexpectedly: " + e.getCause(), e.getCause());
        }
    }

    private static <T> T get(Future<T> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("verification step failed unexpectedly: " + e.getCause(), e.getCause());
        }
    }
}
