package dev.overlaylab.provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The providers this build knows, by the id lab files use. Each says itself whether it can run on
 * this machine ({@link Provider#unavailableReason()}); the registry only finds them.
 */
public final class Providers {
    private final Map<String, Provider> byId = new LinkedHashMap<>();

    public Providers(List<Provider> providers) {
        for (Provider p : providers) {
            if (byId.putIfAbsent(p.id(), p) != null) {
                throw new IllegalArgumentException("two providers with id " + p.id());
            }
        }
    }

    public Optional<Provider> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Provider> all() {
        return new ArrayList<>(byId.values());
    }

    /** Ids of the providers usable on this machine, in registration order (the wizard's choices). */
    public List<String> available() {
        return byId.values().stream().filter(p -> p.unavailableReason().isEmpty()).map(Provider::id).toList();
    }

    /** The provider for {@code id}, or an error message listing the known ids. */
    public Provider require(String id) {
        return get(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown provider '" + id + "'; this build knows: " + String.join(", ", byId.keySet())));
    }
}
