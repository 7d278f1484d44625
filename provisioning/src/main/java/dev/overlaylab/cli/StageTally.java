package dev.overlaylab.cli;

import dev.overlaylab.engine.Stage;
import dev.overlaylab.engine.Step;
import dev.overlaylab.model.Lab;
import dev.overlaylab.progress.ProgressEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How far each per-node stage is across the lab, so a person can follow a 20-node {@code up}
 * (hundreds of step lines) at a glance: "flanneld 12/20 nodes", and one line when a stage is done
 * on every node. Counts only the stages' own steps (verify's checks are not steps). Fed under the
 * printer's lock; costs a map update per event.
 */
final class StageTally {
    /** Per stage id: the step names a node runs in it, and how many nodes run it. */
    private final Map<String, Set<String>> steps = new HashMap<>();
    private final Map<String, Integer> nodes = new LinkedHashMap<>();
    /** Per stage id and node: steps finished (a failed step ends the node's stage). */
    private final Map<String, Map<String, Integer>> finished = new HashMap<>();
    private final Map<String, Set<String>> done = new HashMap<>();
    private final Map<String, Long> startedAt = new HashMap<>();

    StageTally(List<Stage> stages, Lab lab) {
        for (Stage s : stages) {
            int n = switch (s.scope()) {
                case LAB -> 0;
                case ALL_NODES -> lab.nodes().size();
                case ETCD_NODES -> lab.etcdNodes().size();
            };
            if (n > 0) {
                nodes.put(s.id(), n);
                steps.computeIfAbsent(s.id(), k -> new HashSet<>()).addAll(s.steps().stream().map(Step::name).toList());
            }
        }
    }

    /** Counts a finished step; returns the "stage done" line when this was the stage's last node. */
    String on(ProgressEvent e) {
        if (!nodes.containsKey(e.stage()) || e.node().isEmpty() || !steps.get(e.stage()).contains(e.step())) {
            return null;
        }
        if (e.status() == ProgressEvent.Status.PLANNED) {
            return null;
        }
        startedAt.putIfAbsent(e.stage(), System.nanoTime());
        if (e.status() == ProgressEvent.Status.STARTED || e.status() == ProgressEvent.Status.PROGRESS) {
            return null;
        }
        int n = finished.computeIfAbsent(e.stage(), k -> new HashMap<>()).merge(e.node(), 1, Integer::sum);
        Set<String> over = done.computeIfAbsent(e.stage(), k -> new HashSet<>());
        if ((n == steps.get(e.stage()).size() || e.status() == ProgressEvent.Status.FAILED) && over.add(e.node())
                && over.size() == nodes.get(e.stage())) {
            return String.format(java.util.Locale.ROOT, "── %s: %d of %d nodes done in %.1f s", e.stage(), over.size(),
                    nodes.get(e.stage()), (System.nanoTime() - startedAt.get(e.stage())) / 1e9);
        }
        return null;
    }

    /** "flanneld 12/20 nodes" for the stage of this event, or "" for a lab-wide one. */
    String where(String stage) {
        Integer n = nodes.get(stage);
        return n == null || n < 2 ? "" : stage + " " + done.getOrDefault(stage, Set.of()).size() + "/" + n + " nodes · ";
    }
}
