package dev.overlaylab.provider.hosts;

import dev.overlaylab.model.Node;
import java.util.Optional;

/**
 * Asks a person for a node's login password, once, to install the lab's key. The CLI asks on the
 * console; the GUI passes a dialog. Empty means the person declined.
 */
@FunctionalInterface
public interface PasswordPrompt {
    Optional<char[]> ask(Node node, String why);

    PasswordPrompt NONE = (node, why) -> Optional.empty();
}
