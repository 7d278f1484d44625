package dev.overlaylab.verify;

import java.util.Optional;

/**
 * Which cells of the matrix a run checks: all of them, or one (re-running a single cell in the
 * app, or {@code olab verify --only ID@NODE[→PEER]}). Only the nodes a selected cell needs are read.
 */
public record Cells(Optional<String> id, Optional<String> node, Optional<String> peer, boolean full) {
    /** Every per-node cell and the pairs {@link PairSample} picks (all pairs of a small lab). */
    public static final Cells ALL = new Cells(Optional.empty(), Optional.empty(), Optional.empty());
    /** Every cell of every pair, whatever the lab's size ({@code olab verify --full}). */
    public static final Cells FULL = new Cells(Optional.empty(), Optional.empty(), Optional.empty(), true);

    public Cells(Optional<String> id, Optional<String> node, Optional<String> peer) {
        this(id, node, peer, false);
    }

    /** One per-node cell ({@code peer} empty) or one pair cell. */
    public static Cells one(String id, String node, Optional<String> peer) {
        return new Cells(Optional.of(id), Optional.of(node), peer);
    }

    public boolean all() {
        return id.isEmpty();
    }

    /** A node whose facts must be read: every node, or the selected cell's node and peer. */
    public boolean reads(String nodeName) {
        return all() || node.get().equals(nodeName) || peer.filter(nodeName::equals).isPresent();
    }

    public boolean nodeCell(String checkId, String nodeName) {
        return all() || (peer.isEmpty() && id.get().equals(checkId) && node.get().equals(nodeName));
    }

    public boolean pairCell(String checkId, String from, String to) {
        return all() || (id.get().equals(checkId) && node.get().equals(from) && peer.filter(to::equals).isPresent());
    }
}
