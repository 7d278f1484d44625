package dev.overlaylab.engine;

import dev.overlaylab.etcd.EtcdPort;
import dev.overlaylab.exec.CommandFailedException;
import dev.overlaylab.exec.Commands;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.Explained;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.node.NodeLayout;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.render.RenderedLab;
import dev.overlaylab.ssh.NodeShellFactory;
import dev.overlaylab.ssh.SshException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a pipeline: stages in order, the nodes of a stage in parallel (bounded), each node's steps
 * in order. When a step fails, that node stops; the other nodes finish the stage; then the run
 * stops and reports every failure of the stage. Nothing is rolled back: every step is idempotent,
 * so running again continues from the nodes' current state.
 *
 * <pre>{@code
 * Engine engine = new Engine(sshShells, EtcdTransport.FORWARD.ports(), verifier);   // verifier may be null
 * RunResult r = engine.up(lab, rendered, provider, RunOptions.defaults(), listener);
 * RunResult r = engine.apply(lab, rendered, provider, Component.FLANNEL, RunOptions.defaults(), listener);
 * }</pre>
 */
public final class Engine {
    private final NodeShellFactory shells;
    private final EtcdPort.Factory etcd;
    private final Optional<VerifyStage> verifier;
    private final Function<String, String> pendingFiles;

    public Engine(NodeShellFactory shells, EtcdPort.Factory etcd, VerifyStage verifier) {
        this(shells, etcd, verifier, node -> NodeLayout.PENDING_FILE);
    }

    private Engine(NodeShellFactory shells, EtcdPort.Factory etcd, VerifyStage verifier, Function<String, String> pendingFiles) {
        this.shells = shells;
        this.etcd = etcd;
        this.verifier = Optional.ofNullable(verifier);
        this.pendingFiles = pendingFiles;
    }

    /**
     * Where each node keeps what a run still owes it ({@link NodeRun}); {@value NodeLayout#PENDING_FILE}
     * by default. Tests whose "nodes" share one filesystem give each its own file.
     */
    public Engine withPendingFiles(Function<String, String> fileOfNode) {
        return new Engine(shells, etcd, verifier.orElse(null), fileOfNode);
    }

    /** Brings the whole lab up (or, in a dry run, reports what that would do). */
    public RunResult up(Lab lab, RenderedLab rendered, Provider provider, RunOptions options, ProgressListener listener) {
        return run(Pipelines.up(), lab, rendered, provider, options, listener);
    }

    /** Pushes one component's files to a lab that is already up and restarts what reads them. */
    public RunResult apply(Lab lab, RenderedLab rendered, Provider provider, Pipelines.Component component,
            RunOptions options, ProgressListener listener) {
        return run(Pipelines.apply(component), lab, rendered, provider, options, listener);
    }

    /**
     * Pushes what {@code changes} found different on a running lab: the whole (idempotent) up when
     * a base file changed, else each changed component's stages in stage order. A different network
     * config is replaced only with {@code options.force()}.
     */
    public RunResult push(Lab lab, RenderedLab rendered, Provider provider, LabChanges.Changes changes, RunOptions options,
            ProgressListener listener) {
        List<Stage> stages = changes.needsWholeUp() ? Pipelines.up() : Pipelines.push(changes.components());
        return run(stages, lab, rendered, provider, options, listener);
    }

    /** Runs any list of stages (from {@link Pipelines}). {@code provider} may be null when the lab's nodes already carry endpoints. */
    public RunResult run(List<Stage> stages, Lab lab, RenderedLab rendered, Provider provider, RunOptions options,
            ProgressListener listener) {
        long t0 = System.nanoTime();
        Counter counter = new Counter(listener);
        List<Failure> failures = List.of();
        List<String> restarts;
        try (LabRun run = new LabRun(lab, rendered, options, counter, Optional.ofNullable(provider), shells, etcd, verifier,
                pendingFiles)) {
            for (Stage stage : Pipelines.forLab(stages, lab)) {
                failures = options.dryRun() ? plan(stage, run) : apply(stage, run);
                if (!failures.isEmpty()) {
                    break;
                }
            }
            restarts = run.restarts();
        }
        return new RunResult(failures, counter.changed.get(), counter.unchanged.get(), restarts,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    private static List<String> scopeNodes(Stage stage, LabRun run) {
        return switch (stage.scope()) {
            case LAB -> List.of(run.lab().master().name());
            case ALL_NODES -> run.lab().nodes().stream().map(Node::name).toList();
            case ETCD_NODES -> run.lab().etcdNodes().stream().map(Node::name).toList();
        };
    }

    private static List<Failure> plan(Stage stage, LabRun run) {
        boolean labWide = stage.scope() == Stage.Scope.LAB;
        for (String node : scopeNodes(stage, run)) {
            StepContext ctx = new StepContext(run, stage.id(), node, labWide);
            for (Step step : stage.steps()) {
                ctx.at(step.name());
                String lines = String.join("\n", step.plan(ctx));
                run.listener().on(ProgressEvent.of(stage.id(), labWide ? "" : node, step.name(), Status.PLANNED, lines));
            }
        }
        return List.of();
    }

    /**
     * Nodes of a stage run at most {@code parallelism} at once, except etcd members: a new etcd
     * member does not report started (systemd, Type=notify) or healthy before a quorum of its peers
     * runs, so members started one after another would each wait for the next and time out.
     */
    static int threads(Stage stage, int nodes, int parallelism) {
        return stage.scope() == Stage.Scope.ETCD_NODES ? nodes : Math.min(nodes, parallelism);
    }

    private static List<Failure> apply(Stage stage, LabRun run) {
        List<String> nodes = scopeNodes(stage, run);
        boolean labWide = stage.scope() == Stage.Scope.LAB;
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        if (nodes.size() == 1) {
            runNode(stage, run, nodes.get(0), labWide, failures);
            return List.copyOf(failures);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads(stage, nodes.size(), run.options().parallelism()), r -> {
            Thread t = new Thread(r, "olab-" + stage.id());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String node : nodes) {
                futures.add(pool.submit(() -> runNode(stage, run, node, labWide, failures)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(new Failure(stage.id(), "", "", "internal error: " + e.getCause(), "", "", "report this as a bug"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.add(new Failure(stage.id(), "", "", "interrupted", "", "", "run up again to continue"));
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        // report failures in the lab's node order, whatever order the threads finished in
        List<Failure> sorted = new ArrayList<>(failures);
        sorted.sort(java.util.Comparator.comparingInt(f -> nodes.indexOf(f.node())));
        return sorted;
    }

    private static void runNode(Stage stage, LabRun run, String node, boolean labWide, List<Failure> failures) {
        String shown = labWide ? "" : node;
        StepContext ctx = new StepContext(run, stage.id(), node, labWide);
        for (Step step : stage.steps()) {
            ctx.at(step.name());
            ProgressListener out = run.listener();
            out.on(ProgressEvent.of(stage.id(), shown, step.name(), Status.STARTED, ""));
            long t0 = System.nanoTime();
            try {
                StepResult r = step.apply(ctx);
                out.on(new ProgressEvent(stage.id(), shown, step.name(), r.status(), since(t0), r.message()));
            } catch (StepFailure e) {
                Failure f = new Failure(stage.id(), shown, step.name(), e.what(), e.commandLine(), e.evidence(), e.fix());
                fail(out, f, t0, failures);
                return;
            } catch (CommandFailedException e) {
                ExecResult r = e.result();
                String evidence = r.stderr().isBlank() ? r.stdout() : r.stderr();
                // a typed error that recognised its failure carries its own cause and fix: show those
                String what = e instanceof Explained x ? x.cause() : "a command failed (exit " + r.exitCode() + ")";
                String fix = e instanceof Explained x ? x.fix() : "fix the cause shown, then run up again to continue";
                Failure f = new Failure(stage.id(), shown, step.name(), what, r.commandLine(),
                        Commands.excerpt(evidence.strip(), 1500), fix);
                fail(out, f, t0, failures);
                return;
            } catch (SshException e) {
                // its message already names the node, the address, what failed and what to do (and the run's
                // summary says how to continue), so no second fix line
                Failure f = new Failure(stage.id(), shown, step.name(), e.getMessage(), "", "", "");
                fail(out, f, t0, failures);
                return;
            } catch (RuntimeException e) {
                // an error that knows its cause and fix (VirtualBox unusable, pre-flight) is shown as it is; any
                // other one (a node gone, an unexpected error) still names where it happened. A lab-wide step
                // runs on no node (the master only stands in), so a node's reachability is not its fix.
                Failure f = e instanceof Explained x
                        ? new Failure(stage.id(), shown, step.name(), x.cause(), "", "", x.fix())
                        : new Failure(stage.id(), shown, step.name(), String.valueOf(e.getMessage()), "", "",
                                labWide ? "" : "check that " + node + " is running and reachable, then run up again to continue");
                fail(out, f, t0, failures);
                return;
            }
        }
    }

    private static void fail(ProgressListener out, Failure f, long t0, List<Failure> failures) {
        failures.add(f);
        out.on(new ProgressEvent(f.stage(), f.node(), f.step(), Status.FAILED, since(t0), f.describe()));
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** Passes events on and counts results (thread-safe: nodes report from several threads). */
    private static final class Counter implements ProgressListener {
        private final ProgressListener next;
        final AtomicInteger changed = new AtomicInteger();
        final AtomicInteger unchanged = new AtomicInteger();

        Counter(ProgressListener next) {
            this.next = next;
        }

        @Override
        public void on(ProgressEvent e) {
            if (e.status() == Status.CHANGED) {
                changed.incrementAndGet();
            } else if (e.status() == Status.UNCHANGED) {
                unchanged.incrementAndGet();
            }
            next.on(e);
        }
    }
}
