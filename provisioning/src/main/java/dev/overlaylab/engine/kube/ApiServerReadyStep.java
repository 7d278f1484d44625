package dev.overlaylab.engine.kube;

import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepFailure;
import dev.overlaylab.engine.StepResult;
import dev.overlaylab.engine.steps.Systemd;
import dev.overlaylab.exec.Wait;
import dev.overlaylab.render.kube.KubeFiles;
import java.time.Duration;
import java.util.List;

/** Waits (bounded) until kube-apiserver on the master answers /readyz, so kubelets register at once. */
public final class ApiServerReadyStep implements Step {
    /** Generous: on a loaded two-core machine a cold apiserver took 20 s to become ready. */
    static final Duration LIMIT = Duration.ofSeconds(150);

    static String kubectl(String args) {
        return KubeFiles.BIN_DIR + "/kubectl --kubeconfig=" + KubeFiles.ADMIN_KUBECONFIG + " --request-timeout=10s " + args;
    }

    @Override
    public String name() {
        return "apiserver ready";
    }

    @Override
    public List<String> plan(StepContext ctx) {
        return List.of("wait up to " + LIMIT.toSeconds() + " s for kube-apiserver's /readyz on " + ctx.lab().master().name());
    }

    @Override
    public StepResult apply(StepContext ctx) {
        long t0 = System.nanoTime();
        Wait.Outcome<Boolean> ready = Wait.until("kube-apiserver /readyz on " + ctx.lab().master().name()).timeout(LIMIT)
                .interval(Duration.ofMillis(500)).holds(() -> ctx.probe(kubectl("get --raw /readyz")).ok());
        if (!ready.ready()) {
            throw new StepFailure(ready.failure(), kubectl("get --raw /readyz"), ctx.probe(Systemd.journal("kube-apiserver")).stdout(),
                    "read kube-apiserver's journal above (etcd at " + String.join(",", ctx.lab().etcdEndpoints())
                            + " must answer on its v3 API); then olab up " + ctx.lab().name() + " --from control-plane");
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return ms < 1000 ? StepResult.unchanged("kube-apiserver ready") : StepResult.changed("kube-apiserver ready after " + ms / 1000.0 + " s");
    }
}
