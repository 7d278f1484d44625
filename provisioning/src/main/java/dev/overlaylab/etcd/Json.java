package dev.overlaylab.etcd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON this layer reads (flannel's network config and leases, etcd v2 replies, etcdctl's
 * {@code -w json} / {@code -o json} output), through Jackson. One shared mapper: it is thread-safe
 * once configured, and this one is never reconfigured.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** Parses a whole document; throws {@link IllegalArgumentException} saying where it is not JSON. */
    static JsonNode tree(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("not valid JSON: the text is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at character " + e.getLocation().getCharOffset()), e);
        }
    }

    /** A JSON object; throws {@link IllegalArgumentException} for any other document. */
    static JsonNode object(String text) {
        JsonNode node = tree(text);
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object, got: " + text.strip());
        }
        return node;
    }

    /**
     * Same JSON document? Compares parsed trees, so spacing and key order do not count (Jackson's
     * object equality is a map's). Text that is not JSON is compared stripped.
     */
    static boolean same(String a, String b) {
        try {
            return tree(a).equals(tree(b));
        } catch (IllegalArgumentException notJson) {
            return a.strip().equals(b.strip());
        }
    }

    /**
     * A tree as compact JSON, through the same mapper. Not {@code JsonNode.toString()}: that builds a second, internal
     * mapper on its first use, ~40 ms of a fresh JVM's CPU in every verify (async-profiler).
     */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written: " + e.getOriginalMessage(), e);   // not for a tree
        }
    }

    /** A text field, or "" when absent or null. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
