package dev.overlaylab.provider.hosts;

import dev.overlaylab.exec.Wait;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.SshEndpoint;
import dev.overlaylab.ssh.NodeShellFactory;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.provider.Readiness;
import dev.overlaylab.provider.local.HostChecks;
import dev.overlaylab.ssh.AppDataDir;
import dev.overlaylab.ssh.NodeShell;
import dev.overlaylab.ssh.SshBanner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.userauth.UserAuthException;

/**
 * Nodes are machines that already exist (VMs, bare metal, cloud), reached by SSH at the endpoints
 * the lab file gives. {@code up} only waits for SSH and makes sure the lab key logs in (asking for
 * the password once to install it); {@code down} takes off what Overlay Lab put there and never
 * touches the machine otherwise.
 */
public final class HostsProvider implements Provider {
    public static final String ID = "hosts";
    static final Duration BANNER_LIMIT = Duration.ofSeconds(60);
    private static final Duration BANNER_READ = Duration.ofSeconds(3);

    private final NodeShellFactory shells;
    private final KeyInstaller keys;
    private final PasswordPrompt prompt;

    public HostsProvider(NodeShellFactory shells, KeyInstaller keys, PasswordPrompt prompt) {
        this.shells = shells;
        this.keys = keys;
        this.prompt = prompt;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Readiness readiness() {
        return new HostsReadiness(AppDataDir.resolve(), Path.of(System.getProperty("user.home"), ".ssh"), HostChecks::onPath).check();
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public List<String> plan(Lab lab) {
        List<String> lines = new ArrayList<>();
        for (Node n : lab.nodes()) {
            SshEndpoint e = endpoint(n);
            lines.add(n.name() + ": wait for the SSH banner on " + e.host() + ":" + e.port() + ", then log in as " + e.user()
                    + " with the lab key (asking once for the password to install it if the key is refused)");
        }
        return lines;
    }

    @Override
    public List<Node> up(Lab lab, ProgressListener progress) {
        for (Node n : lab.nodes()) {
            SshEndpoint e = endpoint(n);
            Wait.Outcome<String> w = Wait.until("SSH banner on " + e.host() + ":" + e.port()).timeout(BANNER_LIMIT)
                    .interval(Duration.ofMillis(500)).check(SshBanner.probe(e.host(), e.port(), BANNER_READ, BANNER_READ));
            String banner = w.value().orElseThrow(() -> new IllegalStateException(n.name() + ": " + w.failure()
                    + "; check the machine is on and the address and port in the lab file"));
            progress.on(new ProgressEvent("nodes", n.name(), "ssh banner", Status.UNCHANGED, w.took(), banner));
            login(lab, n, progress);
        }
        return lab.nodes();
    }

    private void login(Lab lab, Node n, ProgressListener progress) {
        try (NodeShell sh = shells.open(lab, n)) {
            sh.exec("true", Duration.ofSeconds(15)).orThrow();
            return;
        } catch (RuntimeException e) {
            if (!isAuthFailure(e)) {
                throw e;
            }
        }
        Optional<char[]> password = prompt.ask(n, "the lab key is not yet authorized for " + n.ssh().user() + "@" + n.ssh().host()
                + "; its password is used once to install the key");
        if (password.isEmpty()) {
            throw new IllegalStateException(n.name() + ": the lab key was refused and no password was given; add the lab's public key to "
                    + n.ssh().user() + "'s ~/.ssh/authorized_keys on " + n.ssh().host() + ", or run again and enter the password");
        }
        try {
            keys.install(lab, n, password.get());
        } finally {
            Arrays.fill(password.get(), '\0');
        }
        progress.on(ProgressEvent.of("nodes", n.name(), "install lab key", Status.CHANGED, "lab key added to ~/.ssh/authorized_keys"));
        try (NodeShell sh = shells.open(lab, n)) {
            sh.exec("true", Duration.ofSeconds(15)).orThrow();
        }
    }

    static boolean isAuthFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UserAuthException || t instanceof dev.overlaylab.ssh.SshAuthException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Node> endpoints(Lab lab) {
        lab.nodes().forEach(HostsProvider::endpoint);
        return lab.nodes();
    }

    @Override
    public void down(Lab lab, ProgressListener progress) {
        List<String> failed = new ArrayList<>();
        for (Node n : lab.nodes()) {
            long t0 = System.nanoTime();
            try (NodeShell sh = shells.open(lab, n)) {
                String removed = HostCleanup.run(sh, lab.name());
                progress.on(new ProgressEvent("down", n.name(), "remove Overlay Lab files", Status.CHANGED,
                        Duration.ofNanos(System.nanoTime() - t0), removed));
            } catch (RuntimeException e) {
                failed.add(n.name() + ": " + e.getMessage());
                progress.on(new ProgressEvent("down", n.name(), "remove Overlay Lab files", Status.FAILED,
                        Duration.ofNanos(System.nanoTime() - t0), String.valueOf(e.getMessage())));
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("down did not finish on every node (run it again when they are reachable):\n  "
                    + String.join("\n  ", failed));
        }
    }

    /**
     * Per node, the clean-up script's own dry run: the lines it would act on. A node that cannot be
     * reached says so in its line (down would fail there too, and could be run again later).
     */
    @Override
    public List<dev.overlaylab.provider.Removal> downPreview(Lab lab) {
        List<dev.overlaylab.provider.Removal> out = new ArrayList<>();
        for (Node n : lab.nodes()) {
            try (NodeShell sh = shells.open(lab, n)) {
                HostCleanup.preview(sh, lab.name()).forEach(line -> out.add(new dev.overlaylab.provider.Removal(n.name(), line)));
            } catch (RuntimeException e) {
                out.add(new dev.overlaylab.provider.Removal(n.name(), "cannot be reached now, so nothing can be removed there ("
                        + e.getMessage() + ")"));
            }
        }
        return out;
    }

    private static SshEndpoint endpoint(Node n) {
        if (n.ssh() == null) {
            throw new IllegalArgumentException("node " + n.name() + " has no ssh endpoint: the hosts provider needs nodes[].ssh in the lab file");
        }
        return n.ssh();
    }
}
