package dev.overlaylab.provider.hosts;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.SshEndpoint;
import dev.overlaylab.ssh.HostKeyListener;
import dev.overlaylab.ssh.KnownHostsStore;
import dev.overlaylab.ssh.LabKeys;
import dev.overlaylab.ssh.SshConnector;
import dev.overlaylab.ssh.SshKeyException;
import dev.overlaylab.ssh.SshNodeShell;
import dev.overlaylab.ssh.SshTimeoutException;
import dev.overlaylab.ssh.SshTimeouts;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * "Test connection" for one existing machine of a {@code hosts} lab: logs in exactly as the lab will
 * (same host key check against Overlay Lab's known_hosts, same key, same user) and, when the lab will
 * use sudo, asks {@code sudo -n true}, the way every privileged command will run. Bounded: its own
 * short SSH timeouts and one overall limit, so a machine that drops packets answers in seconds, not
 * after the 30 s a provisioning run allows. Failures are the typed {@code SshException}s of the ssh
 * layer (refused, timeout, host key changed, login refused, key file unusable).
 */
public final class ConnectionCheck {
    /** The whole check, connect to sudo answer. */
    public static final Duration LIMIT = Duration.ofSeconds(10);
    static final SshTimeouts QUICK = new SshTimeouts(Duration.ofSeconds(4), Duration.ofSeconds(4),
            Duration.ofSeconds(4), Duration.ofSeconds(5));
    private static final Duration SUDO_LIMIT = Duration.ofSeconds(3);

    /** What the login as the lab's user may do as root. */
    public enum Privilege {
        /** The login user is root: nothing to ask. */
        ROOT,
        /** {@code sudo -n true} succeeded: privileged commands will run. */
        SUDO_WORKS,
        /** {@code sudo -n true} failed (a password is required, not in sudoers, no sudo): see the detail. */
        SUDO_FAILS,
        /** sudo is off and the user is not root: privileged commands would fail. */
        NOT_ROOT
    }

    /**
     * A login that worked.
     *
     * @param key       the key that logged in, as a person names it (a path, or "the lab's own key")
     * @param privilege whether the lab's privileged commands will run
     * @param detail    sudo's own first line when it failed, else empty
     * @param newHostKey the machine's host key ("ssh-ed25519 SHA256:...") when this was the first
     *                  connection and it has just been recorded (trust on first use, shown once)
     */
    public record Result(String host, int port, String user, String key, Privilege privilege, String detail,
            Optional<String> newHostKey, Duration took) {
    }

    private final KnownHostsStore knownHosts;
    private final HostKeyListener hostKeys;
    private final Duration limit;

    public ConnectionCheck(KnownHostsStore knownHosts, HostKeyListener hostKeys, Duration limit) {
        this.knownHosts = knownHosts;
        this.hostKeys = hostKeys;
        this.limit = limit;
    }

    /** With the app's own known_hosts, as provisioning uses it. */
    public static ConnectionCheck standard(HostKeyListener hostKeys) {
        return new ConnectionCheck(KnownHostsStore.standard(), hostKeys, LIMIT);
    }

    /**
     * Logs in to {@code node} at {@code endpoint}; an empty key means {@code labKeys}, the lab's own
     * pair, which is used only when it has been made (provisioning makes it and installs it with the
     * machine's password once; a test must not leave one behind for a lab that is never saved).
     */
    public Result check(String node, SshEndpoint endpoint, LabKeys labKeys) throws InterruptedException {
        String hostPort = endpoint.host() + ":" + endpoint.port();
        if (endpoint.keyFile().isEmpty() && !labKeys.exists()) {
            throw new SshKeyException(node, hostPort, SshKeyException.Reason.NO_LAB_KEY, "", "no key is chosen, and the lab has no key of its own yet",
                    "choose a private key that logs in to the machine; or leave it empty: the lab's own key is made"
                            + " and installed with the machine's password once, when the lab is provisioned", null);
        }
        AtomicReference<String> recorded = new AtomicReference<>();
        HostKeyListener seen = (n, hp, type, fingerprint) -> {
            recorded.set(type + " " + fingerprint);
            hostKeys.firstKeyRecorded(n, hp, type, fingerprint);
        };
        SshConnector connector = new SshConnector(knownHosts, labKeys, seen, QUICK);
        long t0 = System.nanoTime();
        AtomicBoolean abandoned = new AtomicBoolean();
        CompletableFuture<Result> attempt = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (SshNodeShell shell = connector.connect(node, endpoint)) {
                if (!abandoned.get()) {
                    attempt.complete(privilege(shell, endpoint, t0, Optional.ofNullable(recorded.get())));
                }
            } catch (RuntimeException e) {
                attempt.completeExceptionally(e);
            }
        }, "test-connection-" + node);
        t.setDaemon(true);
        t.start();
        try {
            return attempt.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // The attempt ends by its own SSH timeouts and closes what it opened; nobody waits for it.
            abandoned.set(true);
            throw new SshTimeoutException(node, hostPort, "no answer within " + limit.toSeconds() + " s",
                    "check the machine is on, the address and port, and that no firewall drops port " + endpoint.port(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            abandoned.set(true);
            t.interrupt();
            throw e;
        }
    }

    private static Result privilege(SshNodeShell shell, SshEndpoint endpoint, long t0, Optional<String> newHostKey) {
        String key = endpoint.keyFile().orElse("the lab's own key");
        Privilege p;
        String detail = "";
        if ("root".equals(endpoint.user())) {
            p = Privilege.ROOT;
        } else if (endpoint.sudo()) {
            ExecResult r = shell.execAsLoginUser("sudo -n true", SUDO_LIMIT);
            p = r.ok() ? Privilege.SUDO_WORKS : Privilege.SUDO_FAILS;
            detail = r.ok() ? "" : (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip().lines().findFirst()
                    .orElse("exit code " + r.exitCode());
        } else {
            ExecResult r = shell.execAsLoginUser("id -u", SUDO_LIMIT);
            p = r.ok() && r.stdout().strip().equals("0") ? Privilege.ROOT : Privilege.NOT_ROOT;
        }
        return new Result(endpoint.host(), endpoint.port(), endpoint.user(), key, p, detail, newHostKey,
                Duration.ofNanos(System.nanoTime() - t0));
    }
}
