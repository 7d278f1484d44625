package dev.overlaylab.provider.hosts;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;

/**
 * Logs in with a password and appends the lab's public key to the login user's
 * {@code ~/.ssh/authorized_keys}, so every later connection uses the key. Implemented by the SSH layer.
 */
@FunctionalInterface
public interface KeyInstaller {
    void install(Lab lab, Node node, char[] password);
}
