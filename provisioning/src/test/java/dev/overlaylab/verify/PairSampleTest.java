package dev.overlaylab.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PairSampleTest {
    static List<String> nodes(int n) {
        return IntStream.range(0, n).mapToObj(i -> i == 0 ? "master" : "node" + i).toList();
    }

    @Test
    void aSmallLabChecksEveryPair() {
        PairSample s = PairSample.of(nodes(PairSample.ALL_PAIRS_UP_TO), false, 1);
        assertThat(s.pairs()).hasSize(8 * 7);
        assertThat(s.sampled()).isFalse();
        assertThat(s.description()).isEqualTo("all 56 node pairs");
    }

    @Test
    void fullChecksEveryPairOfABigLab() {
        PairSample s = PairSample.of(nodes(20), true, 1);
        assertThat(s.pairs()).hasSize(380);
        assertThat(s.sampled()).isFalse();
    }

    @Test
    void aBigLabChecksEachNodeAgainstSpanningPeersAndRandomOnes() {
        List<String> nodes = nodes(20);
        PairSample s = PairSample.of(nodes, false, 42);
        assertThat(s.sampled()).isTrue();
        assertThat(s.description()).startsWith(s.pairs().size() + " of 380 node pairs").contains("seed 42").contains("--full");
        Map<String, Integer> out = new HashMap<>();
        Map<String, Integer> in = new HashMap<>();
        for (String a : nodes) {
            for (String b : nodes) {
                if (!a.equals(b) && s.includes(a, b)) {
                    out.merge(a, 1, Integer::sum);
                    in.merge(b, 1, Integer::sum);
                }
            }
        }
        for (int i = 0; i < 20; i++) {
            String a = nodes.get(i);
            // ring neighbours both ways, and the first node both ways
            assertThat(s.includes(a, nodes.get((i + 1) % 20))).isTrue();
            assertThat(s.includes(nodes.get((i + 1) % 20), a)).isTrue();
            if (i > 0) {
                assertThat(s.includes("master", a)).isTrue();
                assertThat(s.includes(a, "master")).isTrue();
                // ring and master (2 distinct peers at least: master's neighbours share one) + 2 random sent,
                // ring and master received
                assertThat(out.get(a)).isGreaterThanOrEqualTo(4);
                assertThat(in.get(a)).isGreaterThanOrEqualTo(2);
                assertThat(out.get(a) + in.get(a)).isGreaterThanOrEqualTo(6);
            }
        }
        assertThat(connected(nodes, s)).isTrue();
        assertThat(s.pairs().size()).isLessThan(380 / 2);
    }

    @Test
    void theSameSeedDrawsTheSamePairsAndAnotherSeedOthers() {
        assertThat(PairSample.of(nodes(20), false, 7).pairs()).isEqualTo(PairSample.of(nodes(20), false, 7).pairs());
        assertThat(PairSample.of(nodes(20), false, 7).pairs()).isNotEqualTo(PairSample.of(nodes(20), false, 8).pairs());
    }

    /** Every node reachable from the first through checked pairs (as an undirected graph). */
    private static boolean connected(List<String> nodes, PairSample s) {
        Set<String> seen = new HashSet<>(List.of(nodes.get(0)));
        ArrayDeque<String> todo = new ArrayDeque<>(seen);
        while (!todo.isEmpty()) {
            String a = todo.pop();
            for (String b : nodes) {
                if (!seen.contains(b) && (s.includes(a, b) || s.includes(b, a))) {
                    seen.add(b);
                    todo.push(b);
                }
            }
        }
        return seen.size() == nodes.size();
    }
}
