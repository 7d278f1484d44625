package dev.overlaylab.model;

import java.util.Optional;

/**
 * Where and as whom to SSH to a node. For VirtualBox it is 127.0.0.1 and a forwarded port; for the
 * local provider the host-only address and port 22; for {@code hosts} whatever the lab file says.
 *
 * @param host     address or name to connect to
 * @param port     TCP port
 * @param user     login user
 * @param keyFile  private key to use; empty means the lab's own generated key
 * @param sudo     prefix privileged commands with {@code sudo -n}
 */
public record SshEndpoint(String host, int port, String user, Optional<String> keyFile, boolean sudo) {

    public static SshEndpoint of(String host, int port, String user) {
        return new SshEndpoint(host, port, user, Optional.empty(), !"root".equals(user));
    }
}
