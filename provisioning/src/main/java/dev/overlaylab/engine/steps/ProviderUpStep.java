package dev.overlaylab.engine.steps;

import dev.overlaylab.model.Node;
import dev.overlaylab.model.Plural;
import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepFailure;
import dev.overlaylab.engine.StepResult;
import dev.overlaylab.provider.Provider;
import java.util.ArrayList;
import java.util.List;

/** Stage "nodes": the provider creates or starts the nodes (nothing for running ones) and waits for SSH. */
public final class ProviderUpStep implements Step {
    @Override
    public String name() {
        return "provider up";
    }

    @Override
    public List<String> plan(StepContext ctx) {
        List<String> lines = new ArrayList<>();
        ctx.run().provider().ifPresentOrElse(p -> {
            p.unavailableReason().ifPresent(r -> lines.add("note: provider '" + p.id() + "' cannot run on this machine: " + r));
            lines.addAll(p.plan(ctx.lab()));
        }, () -> lines.add("use the nodes' SSH endpoints from the lab file"));
        return lines;
    }

    @Override
    public StepResult apply(StepContext ctx) {
        if (ctx.run().provider().isEmpty()) {
            return StepResult.unchanged("nodes given by the lab file");
        }
        Provider p = ctx.run().provider().get();
        // Not root, not Linux, a tool missing: the reason names its own fix, and it has nothing to do
        // with a node being reachable (there are no nodes yet), so it is the whole failure.
        p.unavailableReason().ifPresent(reason -> {
            throw new StepFailure("provider '" + p.id() + "' cannot run on this machine: " + reason, "", "", "");
        });
        List<Node> nodes = p.up(ctx.lab(), ctx.run().listener());
        ctx.run().useNodes(nodes);
        return StepResult.unchanged(p.id() + ": " + Plural.count(nodes.size(), "node") + " reachable");
    }
}
