package dev.overlaylab.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Which ordered node pairs the matrix checks. Up to {@value #ALL_PAIRS_UP_TO} nodes: every pair
 * (at most 56, the matrix of a lab people read cell by cell). Above, the pairs grow with n²
 * (20 nodes: 380 pairs, 1,900 cells, 52 s on this machine), so every node is checked against a
 * spanning set of peers plus a random sample:
 *
 * <ul>
 *   <li>its two ring neighbours, both directions (node i → i+1 and i → i−1): every node sends to and
 *       receives from two others, and the pairs connect all nodes;
 *   <li>the first node (etcd's, the one people look at first) to and from every node;
 *   <li>{@value #RANDOM_PEERS} more peers per node drawn at random, a new draw each run (the seed is
 *       in the description, so a run can be repeated).
 * </ul>
 *
 * What this catches: anything wrong on one node (its flanneld, docker, FORWARD, MTU, lease) fails
 * every pair it is in, and it is in at least five. What it can miss: a fault between exactly two
 * nodes that are not drawn together (one stale vxlan FDB entry or route); {@code verify --full}
 * checks every pair.
 */
public record PairSample(Set<String> pairs, int total, String description) {
    public static final int ALL_PAIRS_UP_TO = 8;
    static final int RANDOM_PEERS = 2;

    /** Every ordered pair of {@code nodes} when {@code full} or the lab is small, else the sample above. */
    public static PairSample of(List<String> nodes, boolean full, long seed) {
        int n = nodes.size();
        int total = n * (n - 1);
        Set<String> pairs = new LinkedHashSet<>();
        if (full || n <= ALL_PAIRS_UP_TO) {
            for (String a : nodes) {
                for (String b : nodes) {
                    if (!a.equals(b)) {
                        pairs.add(key(a, b));
                    }
                }
            }
            return new PairSample(pairs, total, "all " + total + " node pairs");
        }
        for (int i = 0; i < n; i++) {
            pairs.add(key(nodes.get(i), nodes.get((i + 1) % n)));
            pairs.add(key(nodes.get(i), nodes.get((i + n - 1) % n)));
            if (i > 0) {
                pairs.add(key(nodes.get(0), nodes.get(i)));
                pairs.add(key(nodes.get(i), nodes.get(0)));
            }
        }
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            List<String> others = new ArrayList<>(nodes);
            others.remove(i);
            Collections.shuffle(others, random);
            int added = 0;
            for (String peer : others) {
                if (added == RANDOM_PEERS) {
                    break;
                }
                if (pairs.add(key(nodes.get(i), peer))) {
                    added++;
                }
            }
        }
        return new PairSample(pairs, total, pairs.size() + " of " + total + " node pairs: each node with its ring neighbours"
                + " and " + nodes.get(0) + ", both ways, plus " + RANDOM_PEERS + " random peers (seed " + seed + ");"
                + " olab verify --full checks all");
    }

    public boolean includes(String from, String to) {
        return pairs.contains(key(from, to));
    }

    /** True when some pairs were left out. */
    public boolean sampled() {
        return pairs.size() < total;
    }

    private static String key(String from, String to) {
        return from + "\u0000" + to;
    }
}
