package dev.overlaylab.engine.steps;

import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepFailure;
import dev.overlaylab.engine.StepResult;
import dev.overlaylab.etcd.ConfigConflictException;
import dev.overlaylab.etcd.EtcdPort.ConfigWrite;
import dev.overlaylab.model.EtcdSettings.EtcdApi;
import java.util.List;

/**
 * Writes flannel's network config to etcd with compare-and-set (decided in the etcd port): an
 * identical value is left alone, a different one is refused (showing both) unless the run is
 * forced. A read that fails is the step's failure, never a reason to write.
 */
public final class NetworkConfigStep implements Step {
    @Override
    public String name() {
        return "network config";
    }

    @Override
    public List<String> plan(StepContext ctx) {
        String api = ctx.lab().etcdApi() == EtcdApi.V2 ? "v2 keys API" : "v3 API";
        return List.of("compare-and-set " + ctx.lab().etcd().configKey() + " (etcd " + api + ") = " + ctx.run().rendered().networkConfigJson());
    }

    @Override
    public StepResult apply(StepContext ctx) {
        String key = ctx.lab().etcd().configKey();
        String want = ctx.run().rendered().networkConfigJson();
        ConfigWrite w;
        try {
            w = ctx.run().etcd().writeConfig(want, ctx.options().force());
        } catch (ConfigConflictException e) {
            throw new StepFailure("etcd already holds a different flannel config at " + key, "compare-and-set " + key,
                    "in etcd:  " + e.existing().strip() + "\nthe lab:  " + want.strip(),
                    "run again with --force to replace it (flanneld then restarts on every node), "
                            + "or change the lab's flannel settings to match");
        }
        return switch (w.change()) {
            case CREATED -> StepResult.changed("wrote " + key);
            case UNCHANGED -> StepResult.unchanged(key + " already holds this config");
            case OVERWRITTEN -> replaced(ctx, key, w);
        };
    }

    private static StepResult replaced(StepContext ctx, String key, ConfigWrite w) {
        // flanneld reads the config only at start: every node's flanneld owes a restart now
        ctx.run().nodes().forEach(n -> ctx.run().nodeRun(n.name()).oweRestart("flanneld"));
        return StepResult.changed("replaced " + key + " (--force); it held " + w.previous().orElse("").strip());
    }
}
