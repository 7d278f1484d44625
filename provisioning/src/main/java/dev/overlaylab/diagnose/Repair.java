package dev.overlaylab.diagnose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code olab diagnose --fix} may do about a finding.
 *
 * @param kind     {@link Kind#ENGINE}: the lab made the broken thing and {@code up} puts it back;
 *                 {@link Kind#FORCE}: the commands below change what the lab did not make (a firewall's rule,
 *                 a sysctl file), applied only with {@code --force}; {@link Kind#NONE}: a person must decide
 * @param commands per node, the shell commands of a {@link Kind#FORCE} repair, in order
 */
public record Repair(Kind kind, Map<String, List<String>> commands) {

    public enum Kind { ENGINE, FORCE, NONE }

    public Repair {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        commands.forEach((node, cmds) -> copy.put(node, List.copyOf(cmds)));
        commands = java.util.Collections.unmodifiableMap(copy);
    }

    public static final Repair ENGINE = new Repair(Kind.ENGINE, Map.of());
    public static final Repair NONE = new Repair(Kind.NONE, Map.of());

    public static Repair force(Map<String, List<String>> commands) {
        return commands.isEmpty() ? NONE : new Repair(Kind.FORCE, commands);
    }

    public boolean fixable() {
        return kind != Kind.NONE;
    }
}
