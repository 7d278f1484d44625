package dev.overlaylab.engine.steps;

import dev.overlaylab.model.Plural;
import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepResult;
import java.util.List;

/** For runs on a lab that is already up ({@code apply}): ask the provider where the nodes are, changing nothing. */
public final class ProviderEndpointsStep implements Step {
    @Override
    public String name() {
        return "node endpoints";
    }

    @Override
    public List<String> plan(StepContext ctx) {
        return List.of("ask provider '" + ctx.lab().provider() + "' for the running nodes' SSH endpoints");
    }

    @Override
    public StepResult apply(StepContext ctx) {
        ctx.run().provider().ifPresent(p -> ctx.run().useNodes(p.endpoints(ctx.lab())));
        return StepResult.unchanged(Plural.count(ctx.run().nodes().size(), "node"));
    }
}
