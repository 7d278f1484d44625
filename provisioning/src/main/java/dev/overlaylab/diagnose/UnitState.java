package dev.overlaylab.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One unit as {@code systemctl show -p Id,ActiveState,…} prints it (units separated by a blank line).
 */
public record UnitState(String id, Map<String, String> properties) {

    public UnitState {
        properties = Map.copyOf(properties);
    }

    public static List<UnitState> parseAll(String text) {
        List<UnitState> out = new ArrayList<>();
        Map<String, String> props = new LinkedHashMap<>();
        for (String line : (text + "\n\n").split("\n", -1)) {
            if (line.isBlank()) {
                if (props.containsKey("Id")) {
                    out.add(new UnitState(props.get("Id"), props));
                }
                props = new LinkedHashMap<>();
                continue;
            }
            int eq = line.indexOf('=');
            if (eq > 0) {
                props.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        }
        return out;
    }

    public String get(String property) {
        return properties.getOrDefault(property, "");
    }

    public boolean active() {
        return get("ActiveState").equals("active");
    }

    public boolean enabled() {
        return get("UnitFileState").startsWith("enabled");
    }

    /** "inactive (dead), disabled, 0 restarts": the state in one phrase for a finding. */
    public String describe() {
        return get("ActiveState") + " (" + get("SubState") + "), " + get("UnitFileState") + ", NRestarts=" + get("NRestarts");
    }
}
