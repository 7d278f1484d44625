package dev.overlaylab.engine.steps;

import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepResult;
import java.util.List;

/** Stage "verify": hands the connected nodes to the verification matrix, when one is installed. */
public final class VerifyStep implements Step {
    @Override
    public String name() {
        return "verification matrix";
    }

    @Override
    public List<String> plan(StepContext ctx) {
        return List.of(ctx.run().verifier().isPresent() ? "run the verification matrix across all nodes" : "no verifier installed: skipped");
    }

    @Override
    public StepResult apply(StepContext ctx) {
        if (ctx.run().verifier().isEmpty()) {
            return StepResult.skipped("no verifier installed");
        }
        return ctx.run().verifier().get().verify(ctx.lab(), ctx.run().allShells(), ctx.run()::etcd, ctx.run().listener());
    }
}
