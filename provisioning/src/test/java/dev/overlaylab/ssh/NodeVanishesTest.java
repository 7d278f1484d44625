package dev.overlaylab.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.model.SshEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that drops off the network mid-run (netns olt-s2, 10.200.1.18): the next command fails
 * within its time limit with an error naming the node, and once the node is back a new connection
 * works (a later `up` can continue).
 */
@Tag("integration")
class NodeVanishesTest {
    @TempDir(factory = OltTempDir.class)
    Path tmp;

    @Test
    void commandOnAVanishedNodeFailsInTimeAndANewConnectionWorksWhenItIsBack() throws Exception {
        OpenSshServer.requirePrereqs();
        try (TestNetns netns = TestNetns.create("olt-s2", "olts2h", "olts2n", "10.200.1.17/28", "10.200.1.18/28")) {
            LabKeys keys = LabKeys.in(tmp.resolve("keys"), "overlay-lab:vanish");
            SshConnector connector = new SshConnector(new KnownHostsStore(tmp.resolve("known_hosts")), keys, HostKeyListener.NONE,
                    new SshTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(1)));
            SshEndpoint endpoint = SshEndpoint.of("10.200.1.18", 22281, "root");
            try (OpenSshServer sshd = new OpenSshServer(tmp.resolve("sshd"), "10.200.1.18", 22281, netns.name()).start(keys.publicKeyLine())) {
                try (SshNodeShell shell = connector.connect("worker1", endpoint)) {
                    assertThat(shell.exec("echo up").stdout()).isEqualTo("up\n");
                    netns.link(false);
                    long start = System.nanoTime();
                    assertThatThrownBy(() -> shell.exec("echo gone", Duration.ofSeconds(2)))
                            .isInstanceOf(SshException.class)
                            .hasMessageContaining("worker1").hasMessageContaining("10.200.1.18:22281");
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
                }
                assertThatThrownBy(() -> connector.connect("worker1", endpoint)).isInstanceOf(SshException.class)
                        .hasMessageContaining("worker1");
                netns.link(true);
                try (SshNodeShell again = connector.waitForSsh("worker1", endpoint, Duration.ofSeconds(20), WaitProgress.NONE)) {
                    assertThat(again.exec("echo back").stdout()).isEqualTo("back\n");
                }
            }
        }
    }
}
