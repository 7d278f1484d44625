package dev.overlaylab.engine.steps;

import dev.overlaylab.engine.NodeRun;
import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepResult;
import java.util.List;
import java.util.Optional;

/**
 * {@code systemctl daemon-reload}, only when a unit file or drop-in changed (on this run or an interrupted one) and
 * systemd does not read the new version already.
 *
 * <p>A unit systemd has not loaded yet (a new {@code flanneld.service}) is read from disk when first asked for, so it
 * needs no reload; one it has loaded says {@code NeedDaemonReload=yes} once its file or a drop-in changed on disk, and
 * must name each written file as its {@code FragmentPath} or among its {@code DropInPaths} (see {@link Systemd#readsAll}). A
 * reload costs 0.2–0.3 s on a quiet lab node, far more on a busy one, and runs every generator again; a cold
 * {@code up} owed three per node. Asked first, with {@code systemctl show} (which loads a unit not yet loaded), only
 * docker's new drop-in still needs one. A unit that systemd keeps as not found from an earlier question (older
 * systemd does not look again) shows {@code LoadState=not-found}: then it reloads, as before.
 */
public final class DaemonReloadStep implements Step {
    @Override
    public String name() {
        return "daemon-reload";
    }

    @Override
    public List<String> plan(StepContext ctx) {
        return List.of("systemctl daemon-reload if a unit file changed that systemd has loaded in its old version");
    }

    @Override
    public StepResult apply(StepContext ctx) {
        if (!ctx.nodeRun().daemonReloadPending()) {
            return StepResult.unchanged("no unit file changed");
        }
        Optional<List<NodeRun.UnitFile>> files = ctx.nodeRun().reloadFiles();
        if (files.isPresent() && !files.get().isEmpty() && current(ctx, files.get())) {
            ctx.nodeRun().daemonReloaded();
            return StepResult.unchanged("systemd reads the new " + String.join(", ", units(files.get())) + " already (loaded now): no reload needed");
        }
        ctx.run(Systemd.daemonReload(), "systemd could not reload its unit files",
                "look for a syntax error in the unit files just written (olab diff shows them)");
        ctx.nodeRun().daemonReloaded();
        return StepResult.changed("reloaded unit files");
    }

    /** True when systemd has every unit loaded from its files as they are on disk now, each written file among them. */
    private static boolean current(StepContext ctx, List<NodeRun.UnitFile> files) {
        var r = ctx.probe(Systemd.loadState(units(files)));
        return r.ok() && Systemd.readsAll(r.stdout(), files);
    }

    private static List<String> units(List<NodeRun.UnitFile> files) {
        return files.stream().map(NodeRun.UnitFile::unit).distinct().toList();
    }
}
