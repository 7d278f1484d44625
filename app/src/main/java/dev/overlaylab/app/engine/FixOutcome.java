package dev.overlaylab.app.engine;

import java.util.List;

/**
 * What Fix did ({@code olab diagnose --fix [--force]}) and the diagnosis after it.
 *
 * @param changed  every change made, one line each (a command on a node, or a step of the engine's up)
 * @param heldBack changes to things the lab did not make, not applied because "also change" was not chosen
 * @param failed   what went wrong while fixing, one line each
 */
public record FixOutcome(List<String> changed, List<String> heldBack, List<String> failed, Diagnosis after) {
    public FixOutcome {
        changed = List.copyOf(changed);
        heldBack = List.copyOf(heldBack);
        failed = List.copyOf(failed);
    }
}
