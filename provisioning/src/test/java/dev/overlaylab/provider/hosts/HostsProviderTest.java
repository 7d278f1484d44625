package dev.overlaylab.provider.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.DockerSettings;
import dev.overlaylab.model.EtcdSettings;
import dev.overlaylab.model.FlannelSettings;
import dev.overlaylab.model.HostNetwork;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.SshEndpoint;
import dev.overlaylab.model.VerifySettings;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.ssh.NodeShell;
import dev.overlaylab.testsupport.ExecOnlyShell;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import net.schmizz.sshj.userauth.UserAuthException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HostsProviderTest {
    static final int PORT = 22310;
    ServerSocket server;
    Thread acceptor;

    /** A loopback listener that greets like an SSH server and hangs up (enough for the banner wait). */
    @BeforeEach
    void fakeSshServer() throws Exception {
        server = new ServerSocket(PORT, 16, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("a pre-banner line\r\nSSH-2.0-OpenSSH_9.2p1 Debian-2\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (Exception e) {
                    return;
                }
            }
        }, "fake-sshd");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        acceptor.join(5000);
    }

    static Lab lab(int port) {
        Node n = new Node("node1", "192.168.56.101", Node.Role.MASTER, SshEndpoint.of("127.0.0.1", port, "vagrant"));
        return new Lab("h", "hosts", "debian-12", new HostNetwork("192.168.56.0/24", "192.168.56.1"), List.of(n),
                new EtcdSettings(1, 2379, 2380, "/coreos.com/network", EtcdSettings.EtcdApi.AUTO),
                new FlannelSettings("0.28.9", "10.1.0.0/16", 24, Optional.empty(), Optional.empty(),
                        new FlannelSettings.Backend("vxlan", Map.of()), Optional.empty(), false,
                        new FlannelSettings.BinarySource(Optional.empty(), Optional.empty(), Optional.empty())),
                new DockerSettings(OptionalInt.empty()), new VerifySettings(false, false, false, "x"), Optional.empty());
    }

    /** A shell whose login is refused until the key is installed. */
    static final class KeyGate {
        final AtomicBoolean installed = new AtomicBoolean();
        final AtomicInteger logins = new AtomicInteger();

        NodeShell open(Lab lab, Node node) {
            logins.incrementAndGet();
            if (!installed.get()) {
                throw new IllegalStateException("ssh login to " + node.name() + " failed",
                        new UserAuthException("Exhausted available authentication methods"));
            }
            return new ExecOnlyShell(node.name()) {
                @Override
                public ExecResult exec(String command, Duration timeout) {
                    return new ExecResult(List.of("sh", "-c", command), 0, "", "");
                }
            };
        }
    }

    @Test
    void refusedKeyIsInstalledWithOnePasswordPrompt() {
        KeyGate gate = new KeyGate();
        List<String> asked = new ArrayList<>();
        char[] typed = "s3cret".toCharArray();
        List<String> installedWith = new ArrayList<>();
        HostsProvider p = new HostsProvider(gate::open, (lab, node, pw) -> {
            installedWith.add(new String(pw));
            gate.installed.set(true);
        }, (node, why) -> {
            asked.add(node.name() + ": " + why);
            return Optional.of(typed);
        });
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();

        List<Node> nodes = p.up(lab(PORT), events::add);

        assertThat(nodes).extracting(Node::name).containsExactly("node1");
        assertThat(asked).singleElement().satisfies(a -> assertThat(a).contains("vagrant@127.0.0.1"));
        assertThat(installedWith).containsExactly("s3cret");
        assertThat(typed).as("password wiped after use").containsOnly('\0');
        assertThat(gate.logins).hasValue(2);
        assertThat(events).extracting(ProgressEvent::step).containsExactly("ssh banner", "install lab key");
        assertThat(events.get(0).message()).isEqualTo("SSH-2.0-OpenSSH_9.2p1 Debian-2");
    }

    @Test
    void refusedKeyWithoutPasswordSaysWhatToDo() {
        KeyGate gate = new KeyGate();
        HostsProvider p = new HostsProvider(gate::open, (lab, node, pw) -> {
            throw new AssertionError("no password, no install");
        }, PasswordPrompt.NONE);

        assertThatThrownBy(() -> p.up(lab(PORT), e -> { }))
                .hasMessageContaining("node1: the lab key was refused")
                .hasMessageContaining("authorized_keys");
    }

    @Test
    void otherLoginErrorsAreNotMistakenForAWrongKey() {
        HostsProvider p = new HostsProvider((lab, node) -> {
            throw new IllegalStateException("host key of node1 changed");
        }, (lab, node, pw) -> { }, (node, why) -> {
            throw new AssertionError("must not ask for a password when the host key changed");
        });

        assertThatThrownBy(() -> p.up(lab(PORT), e -> { })).hasMessageContaining("host key of node1 changed");
    }


    @Test
    void planNamesEveryNodesEndpointTouchingNothing() {
        HostsProvider p = new HostsProvider((lab, node) -> {
            throw new AssertionError("plan must not connect");
        }, (lab, node, pw) -> { }, PasswordPrompt.NONE);

        assertThat(p.plan(lab(PORT))).singleElement().satisfies(l -> assertThat(l).contains("127.0.0.1:" + PORT).contains("vagrant"));
    }
}
