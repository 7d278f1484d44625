package dev.overlaylab.engine.steps;

import dev.overlaylab.model.SshEndpoint;
import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepResult;
import java.util.List;

/** Opens the node's SSH connection (reused by every later step) and runs a no-op as root. */
public final class SshLoginStep implements Step {
    @Override
    public String name() {
        return "ssh login";
    }

    @Override
    public List<String> plan(StepContext ctx) {
        if (ctx.run().provider().map(p -> p.id().equals("hosts")).orElse(true)) {
            return List.of("ssh " + where(ctx.node().ssh()) + " and run a command as root");
        }
        return List.of("ssh to the endpoint the provider reports and run a command as root");
    }

    @Override
    public StepResult apply(StepContext ctx) {
        ctx.run("true", "cannot run commands as root on " + ctx.node().name(),
                "check the login user can use sudo without a password (sudo -n true)");
        return StepResult.unchanged("logged in as " + where(ctx.node().ssh()));
    }

    private static String where(SshEndpoint e) {
        return e == null ? "(endpoint from the provider)" : e.user() + "@" + e.host() + ":" + e.port();
    }
}
