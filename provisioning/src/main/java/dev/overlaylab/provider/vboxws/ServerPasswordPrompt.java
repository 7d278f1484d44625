package dev.overlaylab.provider.vboxws;

import java.util.Optional;

/** Asks a person for the web-service password of {@code user} at {@code url}: the CLI on the console, the app in a dialog. Empty: declined. */
@FunctionalInterface
public interface ServerPasswordPrompt {
    Optional<char[]> ask(String url, String user);

    ServerPasswordPrompt NONE = (url, user) -> Optional.empty();
}
