package dev.overlaylab.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.model.Node;
import dev.overlaylab.model.SshEndpoint;
import dev.overlaylab.ssh.KnownHostsStore;
import dev.overlaylab.ssh.LabKeys;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A terminal's ssh uses the engine's endpoint, key and known_hosts, checked strictly. */
class ShellCommandTest {
    @TempDir
    Path tmp;

    @Test
    void localNodeIsRootOnItsAddressWithTheLabKey() {
        LabKeys keys = LabKeys.in(tmp.resolve("keys"), "t");
        KnownHostsStore known = new KnownHostsStore(tmp.resolve("known_hosts"));
        Node n = new Node("master", "192.168.87.101", null, new SshEndpoint("192.168.87.101", 22, "root", Optional.empty(), false));

        assertThat(ShellCommand.argv(n, keys, known)).containsExactly("ssh", "-t", "-i", keys.privateKey().toString(),
                "-o", "IdentitiesOnly=yes", "-o", "UserKnownHostsFile=" + tmp.resolve("known_hosts"),
                "-o", "StrictHostKeyChecking=yes", "-o", "HostKeyAlias=[192.168.87.101]:22", "root@192.168.87.101");
    }

    @Test
    void forwardedPortAndTheNodesOwnKey() {
        LabKeys keys = LabKeys.in(tmp.resolve("keys"), "t");
        Node n = new Node("node1", "192.168.56.102", null, new SshEndpoint("127.0.0.1", 2223, "vagrant", Optional.of("/keys/id"), true));

        assertThat(ShellCommand.argv(n, keys, new KnownHostsStore(tmp.resolve("k"))))
                .containsSubsequence("-i", "/keys/id").contains("HostKeyAlias=[127.0.0.1]:2223").endsWith("-p", "2223", "vagrant@127.0.0.1");
    }
}
