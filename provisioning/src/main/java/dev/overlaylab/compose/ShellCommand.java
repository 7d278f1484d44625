package dev.overlaylab.compose;

import dev.overlaylab.model.Node;
import dev.overlaylab.model.SshEndpoint;
import dev.overlaylab.ssh.KnownHostsStore;
import dev.overlaylab.ssh.LabKeys;
import dev.overlaylab.ssh.SshConnector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenSSH command that opens an interactive shell on a node as the engine reaches it: the same
 * endpoint, the same key (the node's own, or the lab's), and the app's known_hosts with strict
 * checking, so a terminal trusts exactly the host keys the app trusts.
 */
public final class ShellCommand {
    private ShellCommand() {
    }

    public static List<String> argv(Node endpoint, LabKeys labKeys, KnownHostsStore known) {
        SshEndpoint e = endpoint.ssh();
        Path key = e.keyFile().map(SshConnector::expandHome).orElse(labKeys.privateKey());
        // The app's known_hosts spells every address [host]:port, port 22 too; OpenSSH looks a port-22
        // host up by its bare name, so the alias names the entry the app wrote.
        List<String> argv = new ArrayList<>(List.of("ssh", "-t", "-i", key.toString(), "-o", "IdentitiesOnly=yes",
                "-o", "UserKnownHostsFile=" + known.file(), "-o", "StrictHostKeyChecking=yes",
                "-o", "HostKeyAlias=" + KnownHostsStore.hostToken(e.host(), e.port())));
        if (e.port() != 22) {
            argv.addAll(List.of("-p", Integer.toString(e.port())));
        }
        argv.add(e.user() + "@" + e.host());
        return argv;
    }
}
