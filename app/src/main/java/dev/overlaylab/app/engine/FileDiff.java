package dev.overlaylab.app.engine;

import java.util.List;

/**
 * One file whose rendered text differs from what is on the node.
 *
 * @param path     absolute path on the node
 * @param unified  unified diff, live → rendered
 * @param restarts units that restart when this file is pushed, in order
 */
public record FileDiff(String path, String unified, List<String> restarts) {
    public FileDiff {
        restarts = List.copyOf(restarts);
    }
}
