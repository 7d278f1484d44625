package dev.overlaylab.app.engine;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.engine.Pipelines;
import dev.overlaylab.engine.Stage;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * Which provisioning stage runs on which row of the grid, read from the engine's own pipeline: etcd
 * only on the etcd nodes, the network config once for the whole lab, and so on.
 */
public final class StageScopes {
    private StageScopes() {
    }

    /** {@code (row, stage) -> runs there}; {@code labRow} names the row of lab-wide steps. */
    public static BiPredicate<String, String> of(Lab lab, String labRow) {
        List<Stage> stages = Pipelines.up();
        Set<String> etcd = lab.etcdNodes().stream().map(Node::name).collect(Collectors.toSet());
        return (row, stageId) -> stages.stream().filter(s -> s.id().equals(stageId)).anyMatch(s -> switch (s.scope()) {
            case LAB -> row.equals(labRow);
            case ALL_NODES -> !row.equals(labRow);
            case ETCD_NODES -> etcd.contains(row);
        });
    }
}
