package dev.overlaylab.verify.check;

import dev.overlaylab.verify.CheckResult;

/** One pair cell of the matrix; runs its command on the source node's shell. */
public interface PairCheck {

    String id();

    CheckResult check(PairContext ctx);

    /** A SKIP result for this pair. */
    default CheckResult skip(PairContext ctx, String why) {
        return CheckResult.skip(id(), ctx.from().name(), why).withPeer(ctx.to().name());
    }
}
