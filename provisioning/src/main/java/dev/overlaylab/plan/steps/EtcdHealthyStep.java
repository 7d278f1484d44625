package dev.overlaylab.plan.steps;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.Wait;
import dev.overlaylab.plan.Step;
import dev.overlaylab.plan.StepContext;
import dev.overlaylab.plan.StepFailure;
import dev.overlaylab.plan.StepResult;
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
        String url = "http://" + ctx.node().ip() + ":" + ctx.lab().etcd().clientPort();
        // etcd 2.x (old profiles) ships an etcdctl without the v3 API: fall back to its cluster-health
        return "ETCDCTL_API=3 etcdctl --dial-timeout=2s --command-timeout=3s --endpoints=" + url + " endpoint health"
                + " || ETCDCTL_API=2 etcdctl --endpoints=" + url + " cluster-health";
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
