package dev.overlaylab.app.engine;

import java.util.Optional;

/**
 * A provider as the wizard offers it.
 *
 * @param id                 the lab file's {@code provider} value
 * @param unavailableReason  why it cannot be used here (from {@code Provider.unavailableReason()}), empty when usable
 */
public record ProviderChoice(String id, Optional<String> unavailableReason) {
    public boolean usable() {
        return unavailableReason.isEmpty();
    }
}
