package dev.overlaylab.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.model.SshEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.InvertedShellWrapper;
import org.apache.sshd.server.shell.ProcessShell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installing the lab key with a password once (the hosts provider), against an in-process Apache
 * MINA sshd whose commands run in a local shell with HOME set to a temp folder (never the real ~).
 */
class SshConnectorPasswordTest {
    @TempDir(factory = OltTempDir.class)
    Path tmp;

    private SshServer server;
    private SshConnector connector;
    private SshEndpoint endpoint;
    private Path home;

    @BeforeEach
    void startServer() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(tmp.resolve("hostkey.ser")));
        server.setPasswordAuthenticator((user, password, session) -> "olab".equals(user) && "s3cret".equals(password));
        server.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(home.resolve(".ssh/authorized_keys")));
        server.setCommandFactory((channel, command) -> new InvertedShellWrapper(new ProcessShell("/bin/sh", "-c", command) {
            @Override
            protected Map<String, String> resolveShellEnvironment(Map<String, String> env) {
                Map<String, String> resolved = super.resolveShellEnvironment(env);
                resolved.put("HOME", home.toString());
                return resolved;
            }
        }));
        server.start();
        connector = new SshConnector(new KnownHostsStore(tmp.resolve("known_hosts")), LabKeys.in(tmp.resolve("keys"), "overlay-lab:pw"),
                HostKeyListener.NONE, SshTimeouts.defaults());
        endpoint = new SshEndpoint("127.0.0.1", server.getPort(), "olab", java.util.Optional.empty(), false);
    }

    @AfterEach
    void stopServer() throws IOException {
        server.stop(true);
    }

    @Test
    void passwordInstallsTheLabKeyOnceThenKeyLoginWorks() throws Exception {
        assertThatThrownBy(() -> connector.connect("h1", endpoint)).isInstanceOf(SshAuthException.class);

        assertThat(connector.installKey("h1", endpoint, "s3cret".toCharArray())).isTrue();
        assertThat(connector.installKey("h1", endpoint, "s3cret".toCharArray())).as("second time: already there").isFalse();
        assertThat(Files.readAllLines(home.resolve(".ssh/authorized_keys"))).containsExactly(connector.labKeys().publicKeyLine());

        try (SshNodeShell shell = connector.connect("h1", endpoint)) {
            assertThat(shell.exec("echo $HOME").stdout().strip()).isEqualTo(home.toString());
        }
    }

    @Test
    void wrongPasswordIsAnAuthErrorThatSaysSo() {
        assertThatThrownBy(() -> connector.installKey("h1", endpoint, "wrong".toCharArray()))
                .isInstanceOf(SshAuthException.class)
                .hasMessageContaining("h1").hasMessageContaining("login as 'olab' refused with the password given");
        assertThat(home.resolve(".ssh/authorized_keys")).doesNotExist();
    }
}
