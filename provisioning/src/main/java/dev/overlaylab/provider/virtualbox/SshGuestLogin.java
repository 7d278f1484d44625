package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.exec.Commands;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.SshEndpoint;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.ssh.HostKeyListener;
import dev.overlaylab.ssh.KnownHostsStore;
import dev.overlaylab.ssh.LabKeys;
import dev.overlaylab.ssh.SshConnector;
import dev.overlaylab.ssh.SshException;
import dev.overlaylab.ssh.SshNodeShell;
import dev.overlaylab.ssh.SshTimeouts;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The first login to a VM through the SSH layer (host keys checked against Overlay Lab's own
 * known_hosts). If the lab key already logs in, nothing is done. Otherwise it logs in with the
 * box's credentials — the bootstrap key (Vagrant's insecure key) when there is one, else the Vagrant
 * box convention user {@code vagrant} / password {@code vagrant} — and appends the lab's public key
 * to {@code ~/.ssh/authorized_keys}.
 */
public final class SshGuestLogin implements GuestLogin {
    private static final String VAGRANT_PASSWORD = "vagrant";

    private final KnownHostsStore knownHosts;
    private final HostKeyListener hostKeys;
    private final SshTimeouts timeouts;
    private final Function<String, LabKeys> labKeys;

    public SshGuestLogin(KnownHostsStore knownHosts, HostKeyListener hostKeys, SshTimeouts timeouts, Function<String, LabKeys> labKeys) {
        this.knownHosts = knownHosts;
        this.hostKeys = hostKeys;
        this.timeouts = timeouts;
        this.labKeys = labKeys;
    }

    /** Overlay Lab's own known_hosts and each lab's key pair in the app data folder. */
    public static SshGuestLogin standard() {
        return new SshGuestLogin(KnownHostsStore.standard(), HostKeyListener.NONE, SshTimeouts.defaults(), LabKeys::forLab);
    }

    @Override
    public SshEndpoint installLabKey(Lab lab, Node node, SshEndpoint boxLogin, ProgressListener progress) {
        String step = "install lab key";
        LabKeys keys = labKeys.apply(lab.name());
        SshConnector ssh = new SshConnector(knownHosts, keys, hostKeys, timeouts);
        SshEndpoint withLabKey = new SshEndpoint(boxLogin.host(), boxLogin.port(), boxLogin.user(), Optional.empty(), boxLogin.sudo());
        try (SshNodeShell ignored = ssh.connect(node.name(), withLabKey)) {
            progress.on(ProgressEvent.of("nodes", node.name(), step, Status.UNCHANGED, "the lab key logs in"));
            return withLabKey;
        } catch (SshException notYet) {
            // expected on a fresh VM: fall through to the box's own credentials
        }
        if (boxLogin.keyFile().isPresent()) {
            try (SshNodeShell shell = ssh.connect(node.name(), boxLogin)) {
                append(shell, keys, node, boxLogin);
            }
        } else if ("vagrant".equals(boxLogin.user())) {
            ssh.installKey(node.name(), boxLogin, VAGRANT_PASSWORD.toCharArray());
        } else {
            throw new SshException(node.name(), boxLogin.host() + ":" + boxLogin.port(),
                    "no way to log in the first time: the lab key is refused and no box key is configured",
                    "use a Vagrant box (user vagrant), or put the box's private key at ~/.vagrant.d/insecure_private_key", null);
        }
        progress.on(ProgressEvent.of("nodes", node.name(), step, Status.CHANGED, "lab key " + keys.fingerprint() + " installed for "
                + boxLogin.user()));
        return withLabKey;
    }

    @Override
    public void vmReplaced(String host, int port) {
        knownHosts.forget(host, port);
    }

    private static void append(SshNodeShell shell, LabKeys keys, Node node, SshEndpoint e) {
        String line = Commands.quote(keys.publicKeyLine());
        ExecResult r = shell.execAsLoginUser("umask 077; mkdir -p ~/.ssh && touch ~/.ssh/authorized_keys"
                + " && (grep -qxF " + line + " ~/.ssh/authorized_keys || echo " + line + " >> ~/.ssh/authorized_keys)",
                Duration.ofSeconds(30));
        if (!r.ok()) {
            throw new SshException(node.name(), e.host() + ":" + e.port(), "could not add the lab key to ~/.ssh/authorized_keys: "
                    + r.stderr().strip(), "check the home folder of '" + e.user() + "' is writable", null);
        }
    }
}
