package dev.overlaylab.render;

import dev.overlaylab.model.FlannelSettings.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A backend's options in a stable order: flannel's documented order first (backends.md: VNI, Port,
 * GBP, DirectRouting, MTU, MacPrefix), anything else after it alphabetically. Names are kept as the
 * lab gives them; validation has already checked them against flannel's exact casing.
 */
final class BackendOptions {
    private static final List<String> DOCUMENTED_ORDER = List.of("VNI", "Port", "GBP", "DirectRouting", "MTU", "MacPrefix");

    private BackendOptions() {
    }

    /** Each option as {@code {name, value}}; values stay numbers, booleans or strings. */
    static List<Map<String, Object>> ordered(Backend backend) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> rest = new TreeMap<>(backend.options());
        for (String name : DOCUMENTED_ORDER) {
            if (rest.containsKey(name)) {
                out.add(Map.of("name", name, "value", rest.remove(name)));
            }
        }
        rest.forEach((name, value) -> out.add(Map.of("name", name, "value", value)));
        return List.copyOf(out);
    }
}
