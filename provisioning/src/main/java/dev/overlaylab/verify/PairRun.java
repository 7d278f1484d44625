package dev.overlaylab.verify;

import dev.overlaylab.verify.EvidenceScript.Section;
import dev.overlaylab.verify.check.PairCheck;
import dev.overlaylab.verify.check.PairCheck.Plan;
import dev.overlaylab.verify.check.PairContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cells of several ordered pairs from one source node, run together: every cell that has a command becomes a
 * section of one {@link EvidenceScript} on the source node, all in the background, so the pairs cost one SSH exec and
 * take as long as their slowest cell. Each cell is judged on its own section as if it had run alone.
 *
 * <p>Why: an exec costs the node a fork and a PAM session in sshd besides the round trip. A 6-node matrix made 150
 * execs (30 pairs × 5 cells) on 2 shared cores, where the pings themselves take a few milliseconds; one exec per pair
 * made it 30, and one per source node (at most {@link #PEERS_PER_EXEC} peers each) 6.
 */
final class PairRun {
    /**
     * Peers of one source node in one exec at most: {@code verify --full} of a 20-node lab would otherwise start 95
     * pings and requests at once on one node.
     */
    static final int PEERS_PER_EXEC = 6;

    /** One ordered pair and its selected cells. */
    record Pair(PairContext ctx, List<PairCheck> checks) {
    }

    private PairRun() {
    }

    /** The results of every pair's checks, pair by pair in their order; all pairs share one source node. */
    static List<CheckResult> run(List<Pair> pairs) {
        List<List<Plan>> plans = pairs.stream().map(p -> p.checks().stream().map(c -> c.plan(p.ctx())).toList()).toList();
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            for (int j = 0; j < pairs.get(i).checks().size(); j++) {
                if (plans.get(i).get(j) instanceof Plan.Run run) {
                    sections.add(new Section(name(i, pairs.get(i).checks().get(j)), run.command(), true));
                }
            }
        }
        Map<String, Probe> probes = sections.isEmpty() ? Map.of() : together(pairs.get(0).ctx(), sections);
        List<CheckResult> results = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            for (int j = 0; j < pairs.get(i).checks().size(); j++) {
                PairCheck c = pairs.get(i).checks().get(j);
                results.add(plans.get(i).get(j) instanceof Plan.Skip skip ? skip.result()
                        : c.judge(pairs.get(i).ctx(), probes.get(name(i, c))));
            }
        }
        return results;
    }

    /** {@code pairs} in groups of at most {@link #PEERS_PER_EXEC}, each group one exec. */
    static List<List<Pair>> chunks(List<Pair> pairs) {
        List<List<Pair>> out = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i += PEERS_PER_EXEC) {
            out.add(pairs.subList(i, Math.min(pairs.size(), i + PEERS_PER_EXEC)));
        }
        return out;
    }

    private static String name(int pair, PairCheck check) {
        return "p" + pair + "-" + check.id();
    }

    private static Map<String, Probe> together(PairContext ctx, List<Section> sections) {
        if (sections.size() == 1) {
            Section only = sections.get(0);
            return Map.of(only.name(), Probe.run(ctx.fromShell(), only.command(), NodeCommands.PING_TIMEOUT));
        }
        Probe whole = Probe.run(ctx.fromShell(), EvidenceScript.render(sections), NodeCommands.PING_TIMEOUT);
        return EvidenceScript.parse(sections, whole.result(), whole.took());
    }
}
