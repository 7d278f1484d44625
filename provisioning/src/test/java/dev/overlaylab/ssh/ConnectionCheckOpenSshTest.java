package dev.overlaylab.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.model.SshEndpoint;
import dev.overlaylab.provider.hosts.ConnectionCheck;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard's Test connection ({@link ConnectionCheck}) against a real OpenSSH sshd on loopback
 * (port range 22200-22299): the right key logs in, a wrong port is refused, a wrong key is refused by
 * the server, a missing key file is said before connecting, a silent port ends within the limit.
 */
@Tag("integration")
class ConnectionCheckOpenSshTest {
    @TempDir(factory = OltTempDir.class)
    Path tmp;

    private OpenSshServer sshd;
    private LabKeys installed;
    private KnownHostsStore knownHosts;
    private final List<String> firstKeys = new CopyOnWriteArrayList<>();
    private ConnectionCheck check;

    @BeforeEach
    void startSshd() throws Exception {
        OpenSshServer.requirePrereqs();
        installed = LabKeys.in(tmp.resolve("mykeys"), "me@laptop");
        knownHosts = new KnownHostsStore(tmp.resolve("data/known_hosts"));
        check = new ConnectionCheck(knownHosts, (node, hostPort, type, fp) -> firstKeys.add(node + " " + hostPort), ConnectionCheck.LIMIT);
        int port = OpenSshServer.freePort(22250 + (int) (ProcessHandle.current().pid() % 30));
        sshd = new OpenSshServer(tmp.resolve("sshd"), "127.0.0.1", port, null).start(installed.publicKeyLine());
    }

    @AfterEach
    void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
    }

    private SshEndpoint endpoint(int port, Optional<String> key) {
        return new SshEndpoint("127.0.0.1", port, "root", key, false);
    }

    /** A lab whose own key pair was never made (the wizard's draft). */
    private LabKeys unmadeLabKeys() {
        return LabKeys.lookup(tmp.resolve("data/labs/draft"), "overlay-lab:draft");
    }

    @Test
    void theRightKeyLogsInAndSaysWhoAndHowPrivileged() throws Exception {
        ConnectionCheck.Result r = check.check("master", endpoint(sshd.port(), Optional.of(installed.privateKey().toString())),
                unmadeLabKeys());
        assertThat(r.user()).isEqualTo("root");
        assertThat(r.host()).isEqualTo("127.0.0.1");
        assertThat(r.port()).isEqualTo(sshd.port());
        assertThat(r.privilege()).isEqualTo(ConnectionCheck.Privilege.ROOT);
        assertThat(r.took()).isLessThan(ConnectionCheck.LIMIT);
        // trust on first use, as provisioning does: the host key is recorded and announced once
        assertThat(knownHosts.lookup("127.0.0.1", sshd.port())).hasSize(1);
        assertThat(firstKeys).containsExactly("master 127.0.0.1:" + sshd.port());
        assertThat(r.newHostKey()).hasValue("ssh-ed25519 " + sshd.hostKeyFingerprint());
        // the second time it is known, and not announced again
        assertThat(check.check("master", endpoint(sshd.port(), Optional.of(installed.privateKey().toString())),
                unmadeLabKeys()).newHostKey()).isEmpty();
        assertThat(tmp.resolve("data/labs/draft")).as("no lab key made for a draft").doesNotExist();
    }

    @Test
    void theLabsOwnKeyIsUsedWhenItExistsAndNoKeyIsChosen() throws Exception {
        LabKeys lab = LabKeys.in(tmp.resolve("data/labs/made"), "overlay-lab:made");
        sshd.stop();
        sshd.start(lab.publicKeyLine());
        ConnectionCheck.Result r = check.check("master", endpoint(sshd.port(), Optional.empty()), lab);
        assertThat(r.key()).isEqualTo("the lab's own key");
    }

    @Test
    void aWrongPortIsRefusedWithAdviceAboutThePort() throws Exception {
        int closed = OpenSshServer.freePort(sshd.port() + 1);
        assertThatThrownBy(() -> check.check("master", endpoint(closed, Optional.of(installed.privateKey().toString())),
                unmadeLabKeys()))
                // the app words it from the type and the JDK's own cause (SshCheckWords), never from this text
                .isInstanceOfSatisfying(SshConnectException.class,
                        e -> assertThat(e.rootCause()).isInstanceOf(java.net.ConnectException.class))
                .hasMessageContaining("127.0.0.1:" + closed)
                .hasMessageContaining("connection refused")
                .hasMessageContaining("on the port the lab file names")
                // a loopback address, but no VirtualBox here: the advice is about the port, the rest is the app's to word
                .hasMessageContaining("sshd");
    }

    @Test
    void aKeyTheMachineDoesNotKnowIsRefusedByTheServer() throws Exception {
        LabKeys other = LabKeys.in(tmp.resolve("otherkeys"), "someone-else");
        assertThatThrownBy(() -> check.check("master", endpoint(sshd.port(), Optional.of(other.privateKey().toString())),
                unmadeLabKeys()))
                .isInstanceOf(SshAuthException.class)
                .hasMessageContaining("login as 'root' refused")
                .hasMessageContaining(other.privateKey().toString());
    }

    @Test
    void aKeyFileThatIsMissingOrNoKeyIsSaidBeforeAnyLogin() throws Exception {
        Path missing = tmp.resolve("nope/id_ed25519");
        assertThatThrownBy(() -> check.check("master", endpoint(sshd.port(), Optional.of(missing.toString())), unmadeLabKeys()))
                .isInstanceOfSatisfying(SshKeyException.class, e -> assertThat(e.reason()).isEqualTo(SshKeyException.Reason.MISSING))
                .hasMessageContaining("does not exist");
        Path notAKey = Files.writeString(tmp.resolve("notes.txt"), "hello\n");
        assertThatThrownBy(() -> check.check("master", endpoint(sshd.port(), Optional.of(notAKey.toString())), unmadeLabKeys()))
                .isInstanceOfSatisfying(SshKeyException.class, e -> assertThat(e.reason()).isEqualTo(SshKeyException.Reason.NOT_A_KEY))
                .hasMessageContaining("not a private key");
        assertThatThrownBy(() -> check.check("master", endpoint(sshd.port(), Optional.empty()), unmadeLabKeys()))
                .isInstanceOfSatisfying(SshKeyException.class, e -> assertThat(e.reason()).isEqualTo(SshKeyException.Reason.NO_LAB_KEY))
                .hasMessageContaining("no key of its own yet");
        assertThat(tmp.resolve("data/labs/draft")).doesNotExist();
    }

    @Test
    void aPortThatNeverAnswersEndsWithinTheLimit() throws Exception {
        // accepts the TCP connection (the kernel does, from the backlog) and never says a word
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress("127.0.0.1", OpenSshServer.freePort(sshd.port() + 1)));
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> check.check("master", endpoint(silent.getLocalPort(),
                    Optional.of(installed.privateKey().toString())), unmadeLabKeys()))
                    .isInstanceOf(SshException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(ConnectionCheck.LIMIT.plusSeconds(1));
        }
    }

    @Test
    void aChangedHostKeyIsRefused() throws Exception {
        SshEndpoint e = endpoint(sshd.port(), Optional.of(installed.privateKey().toString()));
        check.check("master", e, unmadeLabKeys());
        sshd.stop();
        sshd.newHostKey();
        sshd.start(installed.publicKeyLine());
        assertThatThrownBy(() -> check.check("master", e, unmadeLabKeys())).isInstanceOf(HostKeyChangedException.class);
    }
}
