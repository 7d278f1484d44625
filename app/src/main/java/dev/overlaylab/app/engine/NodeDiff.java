package dev.overlaylab.app.engine;

import java.util.List;

/** Rendered vs live for one node; an empty list means the node already matches. */
public record NodeDiff(String node, List<FileDiff> files) {
    public NodeDiff {
        files = List.copyOf(files);
    }
}
