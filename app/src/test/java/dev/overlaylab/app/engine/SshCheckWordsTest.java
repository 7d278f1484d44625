package dev.overlaylab.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.provider.hosts.ConnectionCheck;
import dev.overlaylab.ssh.SshAuthException;
import dev.overlaylab.ssh.SshConnectException;
import dev.overlaylab.ssh.SshKeyException;
import dev.overlaylab.ssh.SshTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Test connection's words, from the ssh layer's own exception types built as SshFailures builds them
 * (the real ones are thrown against a real sshd in ConnectionCheckOpenSshTest): each cause gets its own fix.
 */
class SshCheckWordsTest {
    private static final Optional<String> KEY = Optional.of("/home/me/.ssh/id_ed25519");

    private static String failure(Exception e, Optional<String> key) {
        String s = SshCheckWords.failure(e, "192.168.56.11", 2222, "vagrant", key);
        assertThat(s).doesNotContain("ssh to node", "fix:", "cause:", "Exception", "olab ");
        return s;
    }

    @Test
    void eachFailureSaysItsCauseAndItsFix() {
        assertThat(failure(new SshConnectException("n", "192.168.56.11:2222", "connection refused", "x",
                new ConnectException("Connection refused")), KEY)).contains("refused", "Check the Port");
        assertThat(failure(new SshConnectException("n", "h:2222", "no route to host", "x", new NoRouteToHostException()), KEY))
                .contains("no route to 192.168.56.11");
        assertThat(failure(new SshConnectException("n", "h:2222", "unknown host", "x", new UnknownHostException("h")), KEY))
                .contains("cannot resolve");
        assertThat(failure(new SshConnectException("n", "h:2222", "SSH handshake failed", "x", new java.io.IOException("bad")), KEY))
                .contains("not an SSH server");
        assertThat(failure(new SshTimeoutException("n", "h:2222", "no answer", "x", null), KEY)).contains("at most 10 s", "firewall");
        assertThat(failure(new SshAuthException("n", "h:2222", "login refused", "x", null), KEY))
                .contains("refused the login as vagrant", "id_ed25519.pub", "authorized_keys");
        assertThat(failure(new SshAuthException("n", "h:2222", "login refused", "x", null), Optional.empty()))
                .contains("lab's own key", "password once");
        assertThat(failure(new SshKeyException("n", "h:2222", SshKeyException.Reason.MISSING, "/k", "w", "x", null), KEY))
                .contains("/k does not exist", "Browse");
        assertThat(failure(new SshKeyException("n", "h:2222", SshKeyException.Reason.NOT_A_KEY, "/k", "w", "x", null), KEY))
                .contains("passphrase");
        assertThat(failure(new SshKeyException("n", "h:2222", SshKeyException.Reason.NO_LAB_KEY, "", "w", "x", null), Optional.empty()))
                .contains("no key of its own yet").doesNotContain("''");
    }

    @Test
    void successSaysWhoAndWhetherSudoWorks() {
        var ok = new ConnectionCheck.Result("192.168.56.11", 22, "vagrant", "k", ConnectionCheck.Privilege.SUDO_WORKS, "",
                Optional.empty(), Duration.ofMillis(200));
        assertThat(SshCheckWords.success(ok)).isEqualTo("Connected to 192.168.56.11 as vagrant; sudo works without a password.");
        assertThat(SshCheckWords.enough(ok)).isTrue();
        var noSudo = new ConnectionCheck.Result("192.168.56.11", 22, "vagrant", "k", ConnectionCheck.Privilege.SUDO_FAILS,
                "sudo: a password is required", Optional.empty(), Duration.ofMillis(200));
        assertThat(SshCheckWords.success(noSudo)).contains("sudo: a password is required", "NOPASSWD");
        assertThat(SshCheckWords.enough(noSudo)).isFalse();
    }
}
