package dev.overlaylab.ssh;

import dev.overlaylab.exec.Commands;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.Wait;
import dev.overlaylab.model.SshEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;

/**
 * Opens {@link SshNodeShell}s: one per node, host key checked against Overlay Lab's known_hosts,
 * login with the lab key (or the key the lab file names). Also waits for a booting node's SSH and
 * installs the lab key with a password once (the {@code hosts} provider).
 */
public final class SshConnector {
    /**
     * One client configuration for every connection, made without registering Bouncy Castle as a JCE
     * provider: registering it makes the JDK verify the signed 8 MB bcprov jar, 1.1–3.4 s of the first
     * connection of every olab run on this machine (0.17 s without; measured under load 6–11), and its
     * classes, being signed, never enter the class-data archive either. Nothing here needs it as a
     * provider: key exchange (curve25519, ecdh, dh), host keys and the lab's ed25519 key all work with the
     * JDK's own providers and Bouncy Castle's classes used directly (sshj does that for curve25519 and
     * ed25519; {@link LabKeys} and the Kubernetes PKI do too).
     */
    private static final Config CONFIG;

    static {
        SecurityUtils.setRegisterBouncyCastle(false);
        CONFIG = new DefaultConfig();
    }

    private final KnownHostsStore knownHosts;
    private final LabKeys labKeys;
    private final HostKeyListener hostKeyListener;
    private final SshTimeouts timeouts;

    public SshConnector(KnownHostsStore knownHosts, LabKeys labKeys, HostKeyListener hostKeyListener, SshTimeouts timeouts) {
        this.knownHosts = knownHosts;
        this.labKeys = labKeys;
        this.hostKeyListener = hostKeyListener;
        this.timeouts = timeouts;
    }

    /** The usual connector of a lab: its key pair and the app's known_hosts in the user's data folder. */
    public static SshConnector forLab(String labName, HostKeyListener hostKeyListener) {
        return new SshConnector(KnownHostsStore.standard(), LabKeys.forLab(labName), hostKeyListener, SshTimeouts.defaults());
    }

    public LabKeys labKeys() {
        return labKeys;
    }

    public KnownHostsStore knownHosts() {
        return knownHosts;
    }

    /** Connects and logs in with the key; throws a typed {@link SshException} saying what failed. */
    public SshNodeShell connect(String node, SshEndpoint endpoint) {
        Path keyFile = endpoint.keyFile().map(SshConnector::expandHome).orElse(labKeys.privateKey());
        String keyDescription = "key " + keyFile + (endpoint.keyFile().isEmpty() ? " (the lab key, " + labKeys.fingerprint() + ")" : "");
        String hostPort = endpoint.host() + ":" + endpoint.port();
        requireReadable(node, hostPort, keyFile);
        SSHClient client = open(node, endpoint, keyDescription, (c, user) -> {
            KeyProvider key;
            try {
                key = c.loadKeys(keyFile.toString());
                key.getPrivate(); // parsed now, so a file that is no usable key is not reported as a refused login
            } catch (IOException | RuntimeException e) {
                throw new SshKeyException(node, hostPort, SshKeyException.Reason.NOT_A_KEY, keyFile.toString(), "the key file " + keyFile + " is not a private key this program can use"
                        + " (" + e.getMessage() + ")", "choose an OpenSSH private key without a passphrase (e.g. ~/.ssh/id_ed25519)", e);
            }
            c.authPublickey(user, key);
        });
        return new SshNodeShell(node, endpoint, client, timeouts);
    }

    /** A key file that is missing or unreadable is said as such before any connection is made. */
    private static void requireReadable(String node, String hostPort, Path keyFile) {
        if (!Files.isRegularFile(keyFile)) {
            throw new SshKeyException(node, hostPort, Files.exists(keyFile) ? SshKeyException.Reason.NOT_A_KEY : SshKeyException.Reason.MISSING,
                    keyFile.toString(), "the key file " + keyFile + (Files.exists(keyFile) ? " is not a file" : " does not exist"),
                    "choose the private key file (e.g. ~/.ssh/id_ed25519), or leave the key empty to use the lab's own key", null);
        }
        if (!Files.isReadable(keyFile)) {
            throw new SshKeyException(node, hostPort, SshKeyException.Reason.UNREADABLE, keyFile.toString(),
                    "the key file " + keyFile + " cannot be read by this user",
                    "make it readable to you (chmod 600 as its owner), or choose another key", null);
        }
    }

    /**
     * Logs in with a password and appends the lab public key to the login user's authorized_keys,
     * unless it is already there. Returns true when the key was added.
     */
    public boolean installKey(String node, SshEndpoint endpoint, char[] password) {
        String hostPort = endpoint.host() + ":" + endpoint.port();
        SSHClient client = open(node, endpoint, "the password given", (c, user) -> c.authPassword(user, password));
        try (SshNodeShell shell = new SshNodeShell(node, endpoint, client, timeouts)) {
            String line = Commands.quote(labKeys.publicKeyLine());
            ExecResult r = shell.execAsLoginUser("umask 077; mkdir -p ~/.ssh && touch ~/.ssh/authorized_keys"
                    + " && if grep -qxF " + line + " ~/.ssh/authorized_keys; then echo present;"
                    + " else echo " + line + " >> ~/.ssh/authorized_keys && echo added; fi", Duration.ofSeconds(30));
            if (!r.ok()) {
                throw new SshException(node, hostPort, "could not add the lab key to ~/.ssh/authorized_keys: " + r.stderr().strip(),
                        "check the home folder of '" + endpoint.user() + "' is writable", null);
            }
            return r.stdout().strip().equals("added");
        }
    }

    /**
     * Waits until the node's SSH answers: first its banner ({@code SSH-2.0-...}), then a full login.
     * Bounded by {@code timeout} and by a count of attempts; reports the time left after each miss.
     * A changed host key or an unusable key file ends the wait at once (waiting will not fix either).
     */
    public SshNodeShell waitForSsh(String node, SshEndpoint endpoint, Duration timeout, WaitProgress progress) {
        String hostPort = endpoint.host() + ":" + endpoint.port();
        Wait.Outcome<SshNodeShell> w = Wait.until("SSH login to " + node + " at " + hostPort).timeout(timeout)
                .interval(Duration.ofMillis(500)).abortOn(HostKeyChangedException.class).abortOn(SshKeyException.class)
                .onMiss((n, max, left, problem) -> progress.waiting(node, hostPort, left, problem))
                .check(() -> {
                    SshBanner.read(endpoint.host(), endpoint.port(), timeouts.connect(), timeouts.connect());
                    return Optional.of(connect(node, endpoint));
                });
        return w.value().orElseThrow(() -> new SshTimeoutException(node, hostPort, "SSH did not answer: " + w.failure(),
                "check the node booted (console/log) and that sshd runs and listens on port " + endpoint.port(), null));
    }

    /** How a fresh, connected client proves who it is (key or password). */
    private interface Login {
        void as(SSHClient client, String user) throws IOException;
    }

    /**
     * A client connected with the host key checked against the app's known_hosts, timeouts set and
     * logged in; on any failure it is closed again and a typed {@link SshException} names
     * {@code credential} ("key ...", "the password given") and what went wrong.
     */
    private SSHClient open(String node, SshEndpoint endpoint, String credential, Login login) {
        SSHClient client = new SSHClient(CONFIG);
        AppHostKeyVerifier verifier = new AppHostKeyVerifier(knownHosts, node, hostKeyListener);
        try {
            prepare(client, verifier);
            client.connect(endpoint.host(), endpoint.port());
            login.as(client, endpoint.user());
            return client;
        } catch (IOException | RuntimeException e) {
            closeQuietly(client);
            throw SshFailures.connecting(node, endpoint.host() + ":" + endpoint.port(), endpoint.user(), credential, verifier, e);
        }
    }

    private void prepare(SSHClient client, AppHostKeyVerifier verifier) {
        client.addHostKeyVerifier(verifier);
        client.setSocketFactory(NoDelaySockets.INSTANCE);
        client.setConnectTimeout((int) timeouts.connect().toMillis());
        client.getTransport().setTimeoutMs((int) timeouts.handshake().toMillis());
        client.getConnection().setTimeoutMs((int) timeouts.handshake().toMillis());
        client.getConnection().getKeepAlive().setKeepAliveInterval((int) Math.max(1, timeouts.keepAlive().toSeconds()));
    }

    /** A key file given in the lab file as {@code ~/.ssh/id_ed25519} means the user's home. */
    public static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + path.substring(1));
        }
        return Path.of(path);
    }

    private static void closeQuietly(SSHClient client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // nothing to release beyond what close tried
        }
    }
}
