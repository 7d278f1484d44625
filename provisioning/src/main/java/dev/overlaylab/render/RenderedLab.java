package dev.overlaylab.render;

import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.Node;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a lab renders to: each node's files (in a stable order), the flannel network config
 * value written to etcd at {@code <prefix>/config}, and how the renderer that made them makes the files
 * that wait for a node's flannel lease (the CNI conflist), so those come from the same templates.
 *
 * @param files             node name → its files, in the lab's node order
 * @param networkConfigJson the etcd value, e.g. {@code {"Network":"10.1.0.0/16","Backend":{"Type":"udp"}}}
 * @param cni               a node's CNI conflist from its lease
 */
public record RenderedLab(Map<String, List<RenderedFile>> files, String networkConfigJson, CniConflist cni) {

    /** Renders a node's CNI conflist once its flannel lease (FLANNEL_SUBNET, FLANNEL_MTU) is known. */
    @FunctionalInterface
    public interface CniConflist {
        String of(Node node, Cidr subnet, int mtu) throws RenderException;
    }

    public RenderedLab {
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
        Objects.requireNonNull(cni, "cni");
    }

    /** Files made elsewhere than by a {@link Renderer} (tests): no CNI conflist can be made from them. */
    public RenderedLab(Map<String, List<RenderedFile>> files, String networkConfigJson) {
        this(files, networkConfigJson, (node, subnet, mtu) -> {
            throw new RenderException("this lab's files were not made by the renderer, so it has no CNI template for " + node.name());
        });
    }

    public List<RenderedFile> filesOf(String node) {
        return files.getOrDefault(node, List.of());
    }

    /** Equal when the files and the network config are: how the CNI conflist is made is not part of the value. */
    @Override
    public boolean equals(Object o) {
        return o instanceof RenderedLab r && files.equals(r.files) && networkConfigJson.equals(r.networkConfigJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(files, networkConfigJson);
    }
}
