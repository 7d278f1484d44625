package dev.overlaylab.verify.check;

import dev.overlaylab.verify.CheckResult;

/** One per-node cell of the matrix. Judges facts already read; runs no commands itself. */
public interface NodeCheck {

    String id();

    /** Whether this check applies to the node at all (etcd checks only on etcd nodes). */
    default boolean appliesTo(NodeContext ctx) {
        return true;
    }

    CheckResult check(NodeContext ctx);
}
