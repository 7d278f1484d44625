package dev.overlaylab.verify.check;

import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.NodeCommands;
import dev.overlaylab.verify.Probe;

/**
 * One pair cell of the matrix, in two halves: what to run on the source node ({@link #plan}), then what its answer
 * means ({@link #judge}). Apart, so the verifier can run all the cells of a pair in one exec (see
 * {@link dev.overlaylab.verify.EvidenceScript}, in {@code verify.PairRun}).
 */
public interface PairCheck {

    String id();

    /** The command this cell runs on {@code ctx.fromShell()}, or its SKIP result when it cannot run. */
    Plan plan(PairContext ctx);

    /** The cell's result from what its {@link Plan.Run} command answered. */
    CheckResult judge(PairContext ctx, Probe probe);

    /** A SKIP result for this pair. */
    default CheckResult skip(PairContext ctx, String why) {
        return CheckResult.skip(id(), ctx.from().name(), why).withPeer(ctx.to().name());
    }

    /** What a cell does: run a command (bounded by {@link NodeCommands#PING_TIMEOUT}), or nothing, with its SKIP. */
    sealed interface Plan permits Plan.Run, Plan.Skip {
        record Run(String command) implements Plan {
        }

        record Skip(CheckResult result) implements Plan {
        }
    }
}
