package dev.overlaylab.engine;

import java.util.List;

/**
 * One stage of a pipeline: its steps run in order on every node of its scope, nodes in parallel.
 *
 * @param id    stage id shown in progress, e.g. {@code flanneld}
 * @param scope which nodes the steps run on
 * @param steps the steps, in order
 */
public record Stage(String id, Scope scope, List<Step> steps) {

    public enum Scope {
        /** once for the whole lab (provider, etcd network config, verification) */
        LAB,
        /** on every node */
        ALL_NODES,
        /** on the nodes that run an etcd member */
        ETCD_NODES
    }

    public Stage {
        steps = List.copyOf(steps);
    }

    public static Stage of(String id, Scope scope, Step... steps) {
        return new Stage(id, scope, List.of(steps));
    }
}
