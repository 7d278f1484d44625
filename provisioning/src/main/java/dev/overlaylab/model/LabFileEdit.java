package dev.overlaylab.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Changes one value of a lab file's text in place, leaving every other byte as the person wrote
 * it: comments, key order, blank lines, quoting. A lab file is theirs (they read, diff and commit
 * it); writing the whole model back ({@link LabWriter}) would drop their comments.
 *
 * <p>Why a splice on the composed node's marks and not a YAML library that keeps comments:
 * snakeyaml-engine (already the lab reader) gives exact start/end marks per node, which is all a
 * single-value edit needs; the comment-keeping round-trip libraries for Java re-emit the whole
 * document and still reflow flow mappings and quoting.
 */
public final class LabFileEdit {
    private final String text;

    private LabFileEdit(String text) {
        this.text = text;
    }

    public static LabFileEdit of(String labFileText) {
        return new LabFileEdit(labFileText);
    }

    public String text() {
        return text;
    }

    /**
     * Sets the value at {@code path} (mapping keys from the top, e.g. {@code flannel, backend}) to
     * {@code yamlValue}, written in flow style ({@code {type: host-gw}}, {@code 1400},
     * {@code flannel}). A missing key is added to its mapping (a missing section at the end of
     * the file), indented like its siblings.
     *
     * @throws IllegalArgumentException when the text is not YAML or a step of the path is not a
     *                                  mapping
     */
    public LabFileEdit set(List<String> path, String yamlValue) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("empty path");
        }
        Node root = compose(text).orElse(null);
        if (root == null) {
            return new LabFileEdit(appendSection(text, path, yamlValue));
        }
        Node node = root;
        for (int i = 0; i < path.size(); i++) {
            if (!(node instanceof MappingNode mapping)) {
                throw new IllegalArgumentException(String.join(".", path.subList(0, i)) + " is not a mapping");
            }
            Optional<NodeTuple> entry = entry(mapping, path.get(i));
            if (entry.isEmpty()) {
                return new LabFileEdit(addKey(mapping, path.subList(i, path.size()), yamlValue, i == 0));
            }
            node = entry.get().getValueNode();
        }
        int start = node.getStartMark().orElseThrow().getIndex();
        int end = end(node);
        return new LabFileEdit(text.substring(0, start) + yamlValue + text.substring(end));
    }

    /** {@code flannel.backend}, as a flow mapping: {@code {type: vxlan, VNI: 1}}. */
    public LabFileEdit backend(FlannelSettings.Backend backend) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", backend.type());
        m.putAll(new TreeMap<>(backend.options()));
        return set(List.of("flannel", "backend"), flow(m));
    }

    /** {@code docker.mtu}: a number, or {@code flannel} (FLANNEL_MTU from subnet.env). */
    public LabFileEdit dockerMtu(OptionalInt mtu) {
        return set(List.of("docker", "mtu"), mtu.isPresent() ? Integer.toString(mtu.getAsInt()) : "flannel");
    }

    /** One value in YAML's flow style, quoted where YAML needs it. */
    static String flow(Object value) {
        return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.FLOW).build()).dumpToString(value).strip();
    }

    private static Optional<Node> compose(String yaml) {
        try {
            return new Compose(LoadSettings.builder().build()).composeString(yaml);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the lab file is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static Optional<NodeTuple> entry(MappingNode mapping, String key) {
        return mapping.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                .findFirst();
    }

    /**
     * Where a node's own text ends. A block collection's end mark lies at the next token, past
     * the comments and blank lines that follow it, so its end is taken from its last child instead.
     */
    private static int end(Node node) {
        if (node instanceof MappingNode m && !m.getValue().isEmpty() && isBlock(node)) {
            return end(m.getValue().get(m.getValue().size() - 1).getValueNode());
        }
        if (node instanceof SequenceNode s && !s.getValue().isEmpty() && isBlock(node)) {
            return end(s.getValue().get(s.getValue().size() - 1));
        }
        return node.getEndMark().orElseThrow().getIndex();
    }

    private static boolean isBlock(Node node) {
        return (node instanceof MappingNode m && m.getFlowStyle() != FlowStyle.FLOW)
                || (node instanceof SequenceNode s && s.getFlowStyle() != FlowStyle.FLOW);
    }

    /** Adds {@code keys[0]: …} (nested for the rest of the path) as the mapping's last entry. */
    private String addKey(MappingNode mapping, List<String> keys, String yamlValue, boolean topLevel) {
        if (mapping.getValue().isEmpty() || !isBlock(mapping)) {
            if (topLevel) {
                return appendSection(text, keys, yamlValue);
            }
            throw new IllegalArgumentException("cannot add " + keys.get(0) + " to a flow or empty mapping");
        }
        NodeTuple last = mapping.getValue().get(mapping.getValue().size() - 1);
        int column = last.getKeyNode().getStartMark().orElseThrow().getColumn();
        int at = end(last.getValueNode());
        String entry = "\n" + block(keys, yamlValue, column);
        return text.substring(0, at) + entry + text.substring(at);
    }

    private static String appendSection(String text, List<String> keys, String yamlValue) {
        String sep = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
        return text + sep + block(keys, yamlValue, 0) + "\n";
    }

    /** {@code a:\n  b: value} for keys [a, b], starting at {@code column}. */
    private static String block(List<String> keys, String yamlValue, int column) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(" ".repeat(column + 2 * i)).append(keys.get(i)).append(':');
            out.append(i == keys.size() - 1 ? " " + yamlValue : "");
        }
        return out.toString();
    }
}
