package dev.overlaylab.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * One YAML mapping of the lab file seen through its field path ({@code flannel.backend}). Reads typed
 * values, reports wrong types, unknown and duplicate fields as {@link Problem}s (never throws), and
 * records where every value sits so later problems can name the line and column.
 */
final class YamlSection {

    /** Problems and value positions shared by all sections of one file. */
    static final class Context {
        final List<Problem> problems = new ArrayList<>();
        final Map<String, Mark> marks = new LinkedHashMap<>();
        /** Where each field's name stands; an unknown field is shown there rather than at its value. */
        final Map<String, Mark> keyMarks = new LinkedHashMap<>();

        void problem(String path, String message, Optional<Mark> mark) {
            int line = mark.map(m -> m.getLine() + 1).orElse(0);
            int column = mark.map(m -> m.getColumn() + 1).orElse(0);
            problems.add(new Problem(path, message, line, column));
        }

        /** Adds the position of {@code path} (or its nearest recorded parent) to a problem found later. */
        Problem locate(Problem p) {
            if (p.line() > 0) {
                return p;
            }
            String path = p.path();
            Mark key = keyMarks.get(path);
            if (key != null && p.message().startsWith("unknown field")) {
                return new Problem(p.path(), p.message(), key.getLine() + 1, key.getColumn() + 1);
            }
            while (!path.isEmpty()) {
                Mark m = marks.get(path);
                if (m != null) {
                    return new Problem(p.path(), p.message(), m.getLine() + 1, m.getColumn() + 1);
                }
                int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
                path = cut < 0 ? "" : path.substring(0, cut);
            }
            return p;
        }
    }

    private final String path;
    private final Context ctx;
    private final Map<String, Node> values = new LinkedHashMap<>();

    private YamlSection(String path, Context ctx) {
        this.path = path;
        this.ctx = ctx;
    }

    /**
     * Wraps {@code node} (absent or null-valued: an empty section). {@code known} lists the field names
     * this section accepts; others are reported with a suggestion. A null {@code known} accepts any name.
     */
    static YamlSection of(Node node, String path, Context ctx, Set<String> known) {
        YamlSection s = new YamlSection(path, ctx);
        if (node == null || isNull(node)) {
            return s;
        }
        if (!(node instanceof MappingNode map)) {
            ctx.problem(display(path), "must be a mapping of fields (key: value)", node.getStartMark());
            return s;
        }
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode keyNode)) {
                ctx.problem(display(path), "field names must be plain words", t.getKeyNode().getStartMark());
                continue;
            }
            String key = keyNode.getValue();
            String fieldPath = join(path, key);
            if (s.values.containsKey(key)) {
                ctx.problem(fieldPath, "duplicate field; it is already set above", keyNode.getStartMark());
                continue;
            }
            if (known != null && !known.contains(key)) {
                ctx.problem(fieldPath, "unknown field" + Suggest.didYouMean(key, known)
                        + (Suggest.closest(key, known).isEmpty() ? "; known here: " + String.join(", ", known) : ""),
                        keyNode.getStartMark());
                continue;
            }
            s.values.put(key, t.getValueNode());
            keyNode.getStartMark().ifPresent(m -> ctx.keyMarks.put(fieldPath, m));
            t.getValueNode().getStartMark().ifPresent(m -> ctx.marks.put(fieldPath, m));
        }
        return s;
    }

    /** A field-name set that keeps the documented order (used when listing the known names). */
    static Set<String> fields(String... names) {
        return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(List.of(names)));
    }

    static String join(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    private static String display(String path) {
        return path.isEmpty() ? "(lab)" : path;
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.isPlain() && (s.getValue().isEmpty() || s.getValue().equals("null") || s.getValue().equals("~"));
    }

    String path() {
        return path;
    }

    boolean has(String key) {
        return values.containsKey(key) && !isNull(values.get(key));
    }

    /** True when {@code key} holds a single (non-null) value rather than a list or mapping. */
    boolean isScalar(String key) {
        return has(key) && values.get(key) instanceof ScalarNode;
    }

    /** Field names present, in file order. */
    Set<String> keys() {
        return values.keySet();
    }

    Optional<String> string(String key) {
        Node n = values.get(key);
        if (n == null || isNull(n)) {
            return Optional.empty();
        }
        if (n instanceof ScalarNode s) {
            return Optional.of(s.getValue());
        }
        ctx.problem(join(path, key), "must be a single value, not a list or mapping", n.getStartMark());
        return Optional.empty();
    }

    String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    OptionalInt integer(String key) {
        Optional<String> v = string(key);
        if (v.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(v.get().trim()));
        } catch (NumberFormatException e) {
            ctx.problem(join(path, key), "'" + v.get() + "' is not a whole number", values.get(key).getStartMark());
            return OptionalInt.empty();
        }
    }

    int integer(String key, int fallback) {
        return integer(key).orElse(fallback);
    }

    boolean bool(String key, boolean fallback) {
        Optional<String> v = string(key);
        if (v.isEmpty()) {
            return fallback;
        }
        return switch (v.get()) {
            case "true", "True", "TRUE" -> true;
            case "false", "False", "FALSE" -> false;
            default -> {
                ctx.problem(join(path, key), "'" + v.get() + "' is not true or false", values.get(key).getStartMark());
                yield fallback;
            }
        };
    }

    /**
     * A scalar typed as YAML would read it: unquoted whole numbers become {@link Integer}, unquoted
     * true/false (in YAML's three spellings) become {@link Boolean}, everything else stays a
     * {@link String}. Used for flannel backend options, whose JSON types the validator checks.
     */
    Optional<Object> scalar(String key) {
        Node n = values.get(key);
        Optional<String> v = string(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        String text = v.get();
        boolean plain = ((ScalarNode) n).getScalarStyle() == ScalarStyle.PLAIN;
        if (plain && text.matches("-?\\d{1,9}")) {
            return Optional.of(Integer.parseInt(text));
        }
        if (plain && text.matches("true|True|TRUE|false|False|FALSE")) {
            return Optional.of(Boolean.parseBoolean(text));
        }
        return Optional.of(text);
    }

    /** The nested mapping under {@code key} (an empty section when absent). */
    YamlSection section(String key, Set<String> known) {
        return of(values.get(key), join(path, key), ctx, known);
    }

    /** The list under {@code key}, empty when absent; each item's path is {@code key[i]}. */
    List<Node> list(String key) {
        Node n = values.get(key);
        if (n == null || isNull(n)) {
            return List.of();
        }
        if (n instanceof SequenceNode seq) {
            List<Node> items = seq.getValue();
            for (int i = 0; i < items.size(); i++) {
                int index = i;
                items.get(i).getStartMark().ifPresent(m -> ctx.marks.put(join(path, key) + "[" + index + "]", m));
            }
            return items;
        }
        ctx.problem(join(path, key), "must be a list (items starting with '- ')", n.getStartMark());
        return List.of();
    }

    Context context() {
        return ctx;
    }
}
