package dev.overlaylab.engine.steps;

import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepResult;
import java.util.List;

/** {@code systemctl daemon-reload}, only when a unit file or drop-in changed (on this run or an interrupted one). */
public final class DaemonReloadStep implements Step {
    @Override
    public String name() {
        return "daemon-reload";
    }

    @Override
    public List<String> plan(StepContext ctx) {
        return List.of("systemctl daemon-reload if a unit file changed");
    }

    @Override
    public StepResult apply(StepContext ctx) {
        if (!ctx.nodeRun().daemonReloadPending()) {
            return StepResult.unchanged("no unit file changed");
        }
        ctx.run(Systemd.daemonReload(), "systemd could not reload its unit files",
                "look for a syntax error in the unit files just written (olab diff shows them)");
        ctx.nodeRun().daemonReloaded();
        return StepResult.changed("reloaded unit files");
    }
}
