package dev.overlaylab.engine;

import java.util.List;

/**
 * One provisioning step on one node (or, for lab-wide stages, once). A step first reads the node's
 * state and acts only when it differs, so running it twice changes nothing the second time.
 */
public interface Step {

    /** Short name shown in progress lines, e.g. {@code flanneld unit file}. */
    String name();

    /**
     * What this step would do on the node, one line each, for {@code up --dry-run}. Must not touch
     * the node: {@link StepContext#shell()} throws in a dry run.
     */
    List<String> plan(StepContext ctx);

    /** Brings the node to the wanted state; throws {@link StepFailure} naming the evidence when it cannot. */
    StepResult apply(StepContext ctx);
}
