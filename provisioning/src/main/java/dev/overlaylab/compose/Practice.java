package dev.overlaylab.compose;

import dev.overlaylab.diagnose.PracticeFault;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.ssh.NodeShell;
import dev.overlaylab.ssh.NodeShellFactory;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Practice mode, for {@code olab break} and the app's Practice button alike: misconfigure a healthy
 * local lab the way people do by hand (one {@link PracticeFault}, recorded on the node in
 * {@link PracticeFault#LOG}), so that {@code diagnose} can be tried on it.
 */
public final class Practice {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final NodeShellFactory shells;

    public Practice(NodeShellFactory shells) {
        this.shells = shells;
    }

    /** What was broken where, and what the node answered. */
    public record Broken(PracticeFault fault, String node, ExecResult result) {
        public boolean ok() {
            return result.ok();
        }
    }

    /** Why this lab cannot be broken on purpose (practice runs on local labs only), or empty. */
    public static Optional<String> unavailable(Lab lab) {
        return lab.provider().equals("local") ? Optional.empty()
                : Optional.of("practice mode breaks local labs only (provider: " + lab.provider() + ")");
    }

    /** The faults this lab can have (a backend's own faults only on that backend). */
    public static List<PracticeFault> offered(Lab lab) {
        return Arrays.stream(PracticeFault.values()).filter(f -> f.appliesTo(lab)).toList();
    }

    public static PracticeFault random(Lab lab) {
        List<PracticeFault> offered = offered(lab);
        return offered.get(new SecureRandom().nextInt(offered.size()));
    }

    /**
     * Breaks {@code fault} on {@code node} (empty: the fault's default node).
     *
     * @throws IllegalArgumentException when the lab has no such node running
     */
    public Broken breakOne(Lab lab, Provider provider, PracticeFault fault, Optional<String> node) {
        String target = node.orElseGet(() -> fault.defaultNode(lab).name());
        Node endpoint = provider.endpoints(lab).stream().filter(e -> e.name().equals(target)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + target + " in lab " + lab.name()));
        try (NodeShell shell = shells.open(lab, endpoint)) {
            return new Broken(fault, target, shell.exec(fault.command(lab), TIMEOUT));
        }
    }
}
