package dev.overlaylab.engine.steps;

import dev.overlaylab.etcd.EtcdEndpoints;
import dev.overlaylab.etcd.Etcdctl;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepFailure;
import dev.overlaylab.engine.StepResult;
import dev.overlaylab.exec.Wait;
import dev.overlaylab.model.EtcdSettings.EtcdApi;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Waits (bounded) until etcd answers a health check on the node's host-only address, where flanneld will reach it. */
public final class EtcdHealthyStep implements Step {
    static final Duration LIMIT = Duration.ofSeconds(30);
    static final Duration INTERVAL = Duration.ofMillis(500);

    @Override
    public String name() {
        return "etcd healthy";
    }

    static String command(StepContext ctx) {
        EtcdEndpoints member = EtcdEndpoints.of(ctx.node().ip(), ctx.lab().etcd().clientPort());
        // etcd 2.x (old profiles) ships an etcdctl without the v3 API: fall back to its cluster-health
        return Etcdctl.of(EtcdApi.V3, member).health() + " || " + Etcdctl.of(EtcdApi.V2, member).health();
    }

    @Override
    public List<String> plan(StepContext ctx) {
        return List.of("wait up to " + LIMIT.toSeconds() + " s for: " + command(ctx));
    }

    @Override
    public StepResult apply(StepContext ctx) {
        String cmd = command(ctx);
        AtomicReference<ExecResult> last = new AtomicReference<>();
        Wait.Outcome<ExecResult> ok = Wait.until("healthy etcd at " + ctx.node().ip()).timeout(LIMIT).interval(INTERVAL)
                .check(() -> {
                    ExecResult r = ctx.probe(cmd);
                    last.set(r);
                    return r.ok() ? Optional.of(r) : Optional.empty();
                });
        if (!ok.ready()) {
            throw StepFailure.command(ok.failure(), cmd, last.get(),
                    "check /etc/default/etcd listens on the host-only address (ETCD_LISTEN_CLIENT_URLS) and journalctl -u etcd");
        }
        return StepResult.unchanged("healthy at " + ctx.node().ip() + ":" + ctx.lab().etcd().clientPort());
    }
}
