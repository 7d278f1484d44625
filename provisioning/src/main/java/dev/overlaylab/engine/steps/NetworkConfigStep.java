package dev.overlaylab.engine.steps;

import dev.overlaylab.engine.NetworkConfigStore;
import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepFailure;
import dev.overlaylab.engine.StepResult;
import java.util.List;

/**
 * Writes flannel's network config to etcd with compare-and-set: an identical value is left alone,
 * a different one is refused (showing both) unless the run is forced.
 */
public final class NetworkConfigStep implements Step {
    @Override
    public String name() {
        return "network config";
    }

    @Override
    public List<String> plan(StepContext ctx) {
        String api = ctx.lab().flannel().usesEtcdV2() ? "v2 keys API" : "v3 API";
        return List.of("compare-and-set " + ctx.lab().etcd().configKey() + " (etcd " + api + ") = " + ctx.run().rendered().networkConfigJson());
    }

    @Override
    public StepResult apply(StepContext ctx) {
        String key = ctx.lab().etcd().configKey();
        String want = ctx.run().rendered().networkConfigJson();
        NetworkConfigStore.PutResult r = ctx.run().store().putConfig(want, ctx.options().force());
        return switch (r.outcome()) {
            case CREATED -> StepResult.changed("wrote " + key);
            case UNCHANGED -> StepResult.unchanged(key + " already holds this config");
            case REPLACED -> replaced(ctx, key, r);
            case REFUSED -> refused(ctx, key, want, r);
            default -> throw new IllegalStateException("unknown outcome " + r.outcome());
        };
    }

    private static StepResult replaced(StepContext ctx, String key, NetworkConfigStore.PutResult r) {
        // flanneld reads the config only at start: every node's flanneld owes a restart now
        ctx.run().nodes().forEach(n -> ctx.run().nodeRun(n.name()).oweRestart("flanneld"));
        return StepResult.changed("replaced " + key + " (--force); it held " + r.existing());
    }

    private static StepResult refused(StepContext ctx, String key, String want, NetworkConfigStore.PutResult r) {
        throw new StepFailure("etcd already holds a different flannel config at " + key, "compare-and-set " + key,
                    "in etcd:  " + r.existing() + "\nthe lab:  " + want,
                    "run again with --force to replace it (flanneld then restarts on every node), "
                            + "or change the lab's flannel settings to match");
    }
}
