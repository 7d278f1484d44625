package dev.overlaylab.render;

import java.util.List;
import java.util.Map;

/**
 * Everything a lab renders to: each node's files (in a stable order) and the flannel network
 * config value written to etcd at {@code <prefix>/config}.
 *
 * @param files             node name → its files, in the lab's node order
 * @param networkConfigJson the etcd value, e.g. {@code {"Network":"10.1.0.0/16","Backend":{"Type":"udp"}}}
 */
public record RenderedLab(Map<String, List<RenderedFile>> files, String networkConfigJson) {

    public RenderedLab {
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
    }

    public List<RenderedFile> filesOf(String node) {
        return files.getOrDefault(node, List.of());
    }
}
