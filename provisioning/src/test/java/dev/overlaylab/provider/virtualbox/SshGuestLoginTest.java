package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.SshEndpoint;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.ssh.HostKeyListener;
import dev.overlaylab.ssh.KnownHostsStore;
import dev.overlaylab.ssh.LabKeys;
import dev.overlaylab.ssh.SshException;
import dev.overlaylab.ssh.SshTimeouts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first login to a fresh VM, against an in-process SSH server on 127.0.0.1 standing in for the
 * guest: it accepts the keys in {@code authorized} (and password vagrant when allowed) and treats
 * the authorized_keys edit our command sends as adding that key. Nothing on this machine is changed.
 */
class SshGuestLoginTest {
    @TempDir
    Path tmp;

    private SshServer guest;
    private final Set<String> authorized = ConcurrentHashMap.newKeySet();
    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean passwordAllowed;
    private LabKeys labKey;
    private LabKeys boxKey;
    private KnownHostsStore knownHosts;
    private SshGuestLogin login;
    private final List<ProgressEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final Lab lab = TestLabs.seeds("192.168.56.0/24", Optional.empty());

    @BeforeEach
    void startGuest() throws IOException {
        labKey = LabKeys.in(tmp.resolve("lab-key"), "overlay-lab:seeds");
        boxKey = LabKeys.in(tmp.resolve("box-key"), "vagrant insecure public key");
        knownHosts = new KnownHostsStore(tmp.resolve("known_hosts"));
        login = new SshGuestLogin(knownHosts, HostKeyListener.NONE, SshTimeouts.defaults(), name -> labKey);
        guest = SshServer.setUpDefaultServer();
        guest.setHost("127.0.0.1");
        guest.setPort(0);
        guest.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(tmp.resolve("guest-host-key.ser")));
        guest.setPublickeyAuthenticator((user, key, session) ->
                user.equals("vagrant") && authorized.contains(Base64.getEncoder().encodeToString(KnownHostsStore.blob(key))));
        guest.setPasswordAuthenticator((user, password, session) -> passwordAllowed && user.equals("vagrant") && password.equals("vagrant"));
        guest.setCommandFactory((channel, command) -> new AuthorizedKeysEdit(command));
        guest.start();
    }

    @AfterEach
    void stopGuest() throws IOException {
        guest.stop(true);
    }

    private SshEndpoint box(Optional<Path> key) {
        return new SshEndpoint("127.0.0.1", guest.getPort(), "vagrant", key.map(Path::toString), true);
    }

    private static String blob(LabKeys k) {
        return k.publicKeyLine().split("\\s+")[1];
    }

    @Test
    void freshVmGetsTheLabKeyThroughTheBoxKeyThenNeedsNothing() {
        authorized.add(blob(boxKey));

        SshEndpoint ep = login.installLabKey(lab, lab.master(), box(Optional.of(boxKey.privateKey())), events::add);

        assertThat(ep.keyFile()).as("from now on the lab key").isEmpty();
        assertThat(ep.port()).isEqualTo(guest.getPort());
        assertThat(authorized).contains(blob(labKey));
        assertThat(commands).singleElement().asString().contains("authorized_keys").contains(blob(labKey));
        assertThat(events).singleElement().matches(e -> e.status() == Status.CHANGED && e.message().startsWith("lab key SHA256:"));

        events.clear();
        login.installLabKey(lab, lab.master(), box(Optional.of(boxKey.privateKey())), events::add);
        assertThat(commands).hasSize(1);
        assertThat(events).singleElement().matches(e -> e.status() == Status.UNCHANGED);
    }

    @Test
    void withoutABoxKeyTheVagrantPasswordIsUsedOnce() {
        passwordAllowed = true;

        login.installLabKey(lab, lab.master(), box(Optional.empty()), events::add);

        assertThat(authorized).containsExactly(blob(labKey));
        assertThat(events).anyMatch(e -> e.status() == Status.CHANGED);
    }

    @Test
    void aBoxThatAcceptsNothingFailsNamingTheNode() {
        assertThatThrownBy(() -> login.installLabKey(lab, lab.master(), box(Optional.of(boxKey.privateKey())), events::add))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("ssh to node 'master' (127.0.0.1:" + guest.getPort() + ")");
        assertThat(authorized).isEmpty();
    }

    @Test
    void aReplacedVmsHostKeyIsForgotten() {
        authorized.add(blob(labKey));
        login.installLabKey(lab, lab.master(), box(Optional.empty()), events::add);
        assertThat(knownHosts.lookup("127.0.0.1", guest.getPort())).hasSize(1);

        login.vmReplaced("127.0.0.1", guest.getPort());

        assertThat(knownHosts.lookup("127.0.0.1", guest.getPort())).isEmpty();
    }

    /** Runs nothing: records the command and, when it appends a key to authorized_keys, authorizes that key. */
    private final class AuthorizedKeysEdit implements Command {
        private final String command;
        private OutputStream out;
        private ExitCallback exit;

        AuthorizedKeysEdit(String command) {
            this.command = command;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            commands.add(command);
            boolean added = false;
            if (command.contains("authorized_keys")) {
                for (String word : command.split("[\\s']+")) {
                    if (word.equals(blob(labKey))) {
                        added = authorized.add(word);
                    }
                }
            }
            out.write((added ? "added\n" : "present\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            exit.onExit(0);
        }

        @Override
        public void destroy(ChannelSession channel) {
        }

        @Override
        public void setInputStream(InputStream in) {
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }
    }
}
