package dev.overlaylab.engine.steps;

import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepResult;
import dev.overlaylab.render.RenderedFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Enables a component's services and makes them run: a service restarts only when a file it reads
 * changed (now or on an interrupted run), and starts when it is not active. Otherwise nothing.
 */
public final class ServicesStep implements Step {
    private final String component;
    private final String defaultUnit;

    /** @param defaultUnit the service when no rendered file names its readers (etcd, flanneld, docker), or null for none */
    public ServicesStep(String component, String defaultUnit) {
        this.component = component;
        this.defaultUnit = defaultUnit;
    }

    @Override
    public String name() {
        return component + " service";
    }

    private Set<String> units(StepContext ctx) {
        Set<String> units = new LinkedHashSet<>();
        for (RenderedFile f : ctx.files(component)) {
            units.addAll(f.restarts());
        }
        if (units.isEmpty() && defaultUnit != null) {
            units.add(defaultUnit);
        }
        return units;
    }

    @Override
    public List<String> plan(StepContext ctx) {
        if (units(ctx).isEmpty()) {
            return List.of("no services read the " + component + " files");
        }
        return units(ctx).stream()
                .map(u -> "enable " + u + "; restart it if a file it reads changed, start it if not active")
                .toList();
    }

    @Override
    public StepResult apply(StepContext ctx) {
        if (units(ctx).isEmpty()) {
            return StepResult.skipped("no services read the " + component + " files");
        }
        List<String> done = new ArrayList<>();
        for (String unit : units(ctx)) {
            // one exec answers both questions (every unit of a cold up asks both; a re-up finds both yes)
            Systemd.UnitState state = Systemd.UnitState.of(ctx.probe(Systemd.enabledAndActiveCodes(unit)).stdout());
            if (!state.enabled()) {
                ctx.run(Systemd.enable(unit), "cannot enable " + unit, "is " + unit + " installed on " + ctx.node().name() + "?");
                done.add("enabled " + unit);
            }
            String action = null;
            if (ctx.nodeRun().restartPending(unit)) {
                action = "restart";
                run(ctx, action, unit);
            } else if (!state.active()) {
                action = "start";
                run(ctx, action, unit);
            }
            if (action != null) {
                ctx.nodeRun().restarted(unit);
                done.add(action.equals("restart") ? "restarted " + unit + " (a file it reads changed)" : "started " + unit);
            }
        }
        return done.isEmpty() ? StepResult.unchanged(String.join(", ", units(ctx)) + " active") : StepResult.changed(String.join("; ", done));
    }

    /** systemd's exit status when it could not put the new process into the unit's cgroup. */
    static final String CGROUP_EXIT = "status=219/CGROUP";
    static final int CGROUP_RETRIES = 5;
    /**
     * The wait before the first new start, growing with each. The journal of a node that met 219/CGROUP: the start
     * came 67 ms after the stop, while systemd still failed to remove the old cgroup ("Failed to kill control group
     * … Input/output error").
     */
    static final int RETRY_WAIT_MILLIS = 200;
    /**
     * flanneld 0.28.9 (etcd v3) when another node's flanneld took the subnet it had picked in the same
     * moment: it exits instead of picking again. Seen with 20 nodes started at once (2 of 20 in one
     * up); a new start picks another subnet, since the taken one is now leased.
     */
    static final String LEASE_TAKEN = "failed to acquire lease: subnet already exists";

    private static void run(StepContext ctx, String action, String unit) {
        // A deliberate (re)start must not meet the crash-loop guard: docker.service allows 3 starts in
        // 60 s, and a few quick backend switches (each stops docker with flanneld) used it up
        // ("start of the service was attempted too often"). reset-failed clears that counter.
        String command = Systemd.freshly(action, unit);
        var r = ctx.shell().exec(command, Duration.ofSeconds(120));
        String journal = r.ok() ? "" : ctx.probe(Systemd.journal(unit)).stdout();
        // In nspawn nodes on a cgroup-v1 host, a start right after a stop sometimes finds the old
        // cgroup still being torn down ("Failed to kill control group … Input/output error", then
        // 219/CGROUP; seen about 1 in 10 backend switches). Only on that evidence: start again (bounded).
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        for (int i = 0; i < CGROUP_RETRIES && !r.ok() && (journal.contains(CGROUP_EXIT) || journal.contains(LEASE_TAKEN))
                && System.nanoTime() < deadline; i++) {
            ctx.progress(journal.contains(LEASE_TAKEN) ? unit + " lost its subnet to another node starting at the same moment; starting it again"
                    : unit + " could not join its cgroup (" + CGROUP_EXIT + "); starting it again");
            r = ctx.shell().exec(Systemd.startAgain(unit, RETRY_WAIT_MILLIS * (i + 1)), Duration.ofSeconds(120));
            journal = r.ok() ? "" : ctx.probe(Systemd.journal(unit)).stdout();
        }
        if (!r.ok()) {
            // systemctl's own stderr only says "see journalctl": the journal is the real evidence, and
            // its last lines say why (so the excerpt keeps the journal's end, not its start)
            String tail = journal.strip();
            if (tail.length() > JOURNAL_CHARS) {
                tail = "… " + tail.substring(tail.length() - JOURNAL_CHARS);
            }
            String evidence = (r.stderr().strip() + "\n" + tail).strip();
            // the command as people would type it: the reset-failed before it is ours
            throw new dev.overlaylab.engine.StepFailure(unit + " did not start (exit " + r.exitCode() + ")", "systemctl " + action + " " + unit, evidence,
                    "read the journal lines above; olab diff " + ctx.lab().name() + " shows the files it reads");
        }
    }

    static final int JOURNAL_CHARS = 1500;
}
