package dev.overlaylab.engine.kube;

import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepFailure;
import dev.overlaylab.engine.StepResult;
import dev.overlaylab.exec.Wait;
import dev.overlaylab.model.Node;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Waits (bounded) until every node of the lab is registered and Ready, as kubectl on the master sees it. */
public final class NodesReadyStep implements Step {
    static final Duration LIMIT = Duration.ofSeconds(180);
    static final String READY = "get nodes -o jsonpath='{range .items[*]}{.metadata.name}={.status.conditions[?(@.type==\"Ready\")].status}{\"\\n\"}{end}'";

    @Override
    public String name() {
        return "nodes ready";
    }

    @Override
    public List<String> plan(StepContext ctx) {
        return List.of("wait up to " + LIMIT.toSeconds() + " s until kubectl get nodes shows "
                + String.join(", ", ctx.lab().nodes().stream().map(Node::name).toList()) + " Ready");
    }

    /** node name → its Ready condition ("True", "False", "Unknown"), as kubectl printed them. */
    static Map<String, String> parse(String out) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : out.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return m;
    }

    @Override
    public StepResult apply(StepContext ctx) {
        long t0 = System.nanoTime();
        List<String> names = ctx.lab().nodes().stream().map(Node::name).toList();
        String[] last = {""};
        Wait.Outcome<Boolean> ready = Wait.until("every node Ready").timeout(LIMIT).interval(Duration.ofSeconds(1)).holds(() -> {
            var r = ctx.probe(ApiServerReadyStep.kubectl(READY));
            last[0] = r.stdout() + r.stderr();
            Map<String, String> seen = parse(r.stdout());
            return r.ok() && names.stream().allMatch(n -> "True".equals(seen.get(n)));
        });
        if (!ready.ready()) {
            Map<String, String> seen = parse(last[0]);
            Optional<String> first = names.stream().filter(n -> !"True".equals(seen.get(n))).findFirst();
            String evidence = ctx.probe(ApiServerReadyStep.kubectl("get nodes -o wide")).stdout()
                    + first.map(n -> "\n" + n + ": " + (seen.containsKey(n) ? "Ready=" + seen.get(n) : "not registered")).orElse("");
            throw new StepFailure(ready.failure(), ApiServerReadyStep.kubectl("get nodes"), evidence,
                    "look at kubelet's journal on " + first.orElse("the node") + " (journalctl -u kubelet); then olab up "
                            + ctx.lab().name() + " --from kubelet");
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return ms < 1500 ? StepResult.unchanged(names.size() + " nodes Ready")
                : StepResult.changed(names.size() + " nodes Ready after " + ms / 1000.0 + " s");
    }
}
