package dev.overlaylab.verify;

import dev.overlaylab.verify.EvidenceScript.Section;
import dev.overlaylab.verify.check.PairCheck;
import dev.overlaylab.verify.check.PairCheck.Plan;
import dev.overlaylab.verify.check.PairContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cells of one ordered pair, run together: every cell that has a command becomes a section of one
 * {@link EvidenceScript} on the source node, all in the background, so the pair costs one SSH exec and takes as long
 * as its slowest cell. Each cell is judged on its own section as if it had run alone.
 *
 * <p>Why: an exec costs the node a fork and a PAM session in sshd besides the round trip. A 6-node matrix made 150
 * execs (30 pairs × 5 cells) on 2 shared cores, where the pings themselves take a few milliseconds; now 30.
 */
final class PairRun {
    private PairRun() {
    }

    /** The results of {@code checks} for this pair, in their order. */
    static List<CheckResult> run(PairContext ctx, List<PairCheck> checks) {
        List<Plan> plans = checks.stream().map(c -> c.plan(ctx)).toList();
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            if (plans.get(i) instanceof Plan.Run run) {
                sections.add(new Section(checks.get(i).id(), run.command(), true));
            }
        }
        Map<String, Probe> probes = sections.size() == 1
                ? Map.of(sections.get(0).name(), Probe.run(ctx.fromShell(), sections.get(0).command(), NodeCommands.PING_TIMEOUT))
                : sections.isEmpty() ? Map.of() : together(ctx, sections);
        List<CheckResult> results = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            PairCheck c = checks.get(i);
            results.add(plans.get(i) instanceof Plan.Skip skip ? skip.result() : c.judge(ctx, probes.get(c.id())));
        }
        return results;
    }

    private static Map<String, Probe> together(PairContext ctx, List<Section> sections) {
        Probe whole = Probe.run(ctx.fromShell(), EvidenceScript.render(sections), NodeCommands.PING_TIMEOUT);
        return EvidenceScript.parse(sections, whole.result(), whole.took());
    }
}
