package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.SshEndpoint;
import dev.overlaylab.progress.ProgressListener;

/**
 * The first login to a freshly booted VM: log in with the box's own credentials (for Vagrant boxes
 * the user {@code vagrant} with Vagrant's insecure key), install the lab's public key, and return
 * the endpoint that uses the lab key from now on. Supplied by the SSH layer (host keys checked
 * against the app's own known_hosts); the provider itself opens no SSH sessions.
 */
@FunctionalInterface
public interface GuestLogin {

    SshEndpoint installLabKey(Lab lab, Node node, SshEndpoint boxLogin, ProgressListener progress);

    /**
     * A new VM now answers (or none any more) on {@code host:port}: a host key recorded for that
     * loopback port belonged to a VM that no longer exists and must not be held against the new one.
     */
    default void vmReplaced(String host, int port) {
    }

    /**
     * Until the SSH layer is wired in: installs nothing and says so (a SKIPPED event), and the node
     * keeps being reached with the box's own credentials.
     */
    GuestLogin NOT_WIRED = (lab, node, boxLogin, progress) -> {
        progress.on(dev.overlaylab.progress.ProgressEvent.of("nodes", node.name(), "install lab key",
                dev.overlaylab.progress.ProgressEvent.Status.SKIPPED,
                "no SSH login layer wired into the virtualbox provider; the node is reached with the box's own key"));
        return boxLogin;
    };
}
