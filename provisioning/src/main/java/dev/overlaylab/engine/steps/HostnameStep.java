package dev.overlaylab.engine.steps;

import dev.overlaylab.exec.Commands;
import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepResult;
import java.util.List;

/** The node's host name is the lab's node name (flannel and the verification name nodes by it). */
public final class HostnameStep implements Step {
    @Override
    public String name() {
        return "hostname";
    }

    @Override
    public List<String> plan(StepContext ctx) {
        return List.of("set the host name to " + ctx.node().name() + " if it differs");
    }

    @Override
    public StepResult apply(StepContext ctx) {
        String want = ctx.node().name();
        String have = ctx.run("hostname", "cannot read the host name",
                "the node runs no hostname command: log in to it (ssh) and check its PATH and /bin/hostname").stdout().strip();
        if (have.equals(want)) {
            return StepResult.unchanged(want);
        }
        String q = Commands.quote(want);
        // hostnamectl needs D-Bus, which minimal images and containers may lack: fall back to the files
        ctx.run("hostnamectl set-hostname " + q + " 2>/dev/null || { echo " + q + " > /etc/hostname && hostname " + q + "; }",
                "cannot set the host name", "set it by hand: echo " + want + " > /etc/hostname && hostname " + want);
        return StepResult.changed(have + " → " + want);
    }
}
