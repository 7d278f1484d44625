package dev.overlaylab.app.regen;

import dev.overlaylab.app.engine.FileDiff;
import dev.overlaylab.app.engine.NodeDiff;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a push will restart, in order, for people to read before pressing Push: units in stage order
 * (etcd before flanneld before docker), each once per node, and nothing on nodes that already match.
 */
public final class RestartOrder {
    private static final List<String> UNIT_ORDER = List.of("etcd", "flanneld", "docker");
    /** The row of lab-wide changes (the network config in etcd): its restarts happen on every node. */
    static final String LAB_WIDE = dev.overlaylab.app.engine.EngineLabService.ETCD_ROW;

    private RestartOrder() {
    }

    /** Lines like {@code flanneld on master}, ordered by stage then by node. */
    public static List<String> of(List<NodeDiff> diffs) {
        List<String> out = new ArrayList<>();
        Set<String> units = new LinkedHashSet<>();
        diffs.forEach(d -> d.files().forEach(f -> units.addAll(f.restarts())));
        List<String> ordered = new ArrayList<>(units);
        ordered.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        for (String unit : ordered) {
            boolean everyNode = diffs.stream().anyMatch(d -> d.node().equals(LAB_WIDE) && restarts(d, unit));
            if (everyNode) {
                out.add(unit + " on every node");
                continue;
            }
            for (NodeDiff d : diffs) {
                if (restarts(d, unit)) {
                    out.add(unit + " on " + d.node());
                }
            }
        }
        return out;
    }

    private static boolean restarts(NodeDiff d, String unit) {
        return d.files().stream().map(FileDiff::restarts).anyMatch(r -> r.contains(unit));
    }

    private static int rank(String unit) {
        String base = unit.replaceFirst("\\.service$", "");
        int i = UNIT_ORDER.indexOf(base);
        return i < 0 ? UNIT_ORDER.size() : i;
    }
}
