package dev.overlaylab.provider.hosts;

import dev.overlaylab.provider.Readiness;
import dev.overlaylab.provider.Readiness.Fact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Can this machine reach existing hosts? The SSH client is built in (sshj), so what matters is where
 * Overlay Lab keeps its keys and known hosts, and, for logging in by hand, an OpenSSH client and keys.
 */
final class HostsReadiness {
    private static final List<String> USER_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private final Path dataDir;
    private final Path userSsh;
    private final Function<String, Optional<Path>> onPath;

    HostsReadiness(Path dataDir, Path userSsh, Function<String, Optional<Path>> onPath) {
        this.dataDir = dataDir;
        this.userSsh = userSsh;
        this.onPath = onPath;
    }

    Readiness check() {
        List<Fact> out = new ArrayList<>();
        out.add(Fact.ok("SSH client", "built in (sshj): nothing to install"));
        out.add(keysFolder());
        out.add(onPath.apply("ssh").map(p -> Fact.ok("OpenSSH client", p + " (to log in to nodes by hand)"))
                .orElseGet(() -> Fact.warn("OpenSSH client", "not installed; labs work without it, logging in by hand does not",
                        "sudo apt-get install openssh-client")));
        List<String> keys = USER_KEYS.stream().filter(k -> Files.isRegularFile(userSsh.resolve(k))).toList();
        out.add(Fact.ok("your SSH keys", keys.isEmpty()
                ? "none in " + userSsh + " (not needed: the first up asks each host's password once and installs the lab's own key)"
                : String.join(", ", keys) + " in " + userSsh));
        return new Readiness(HostsProvider.ID, out);
    }

    /** Lab keys and known_hosts live under the app's data folder; it must exist or be creatable. */
    private Fact keysFolder() {
        Path p = dataDir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p != null && Files.isDirectory(p) && Files.isWritable(p)) {
            return Fact.ok("lab keys and known hosts", dataDir + (Files.exists(dataDir) ? "" : " (made on first use)"));
        }
        return Fact.fail("lab keys and known hosts", dataDir + " cannot be written", "make it writable for this user, or set"
                + " XDG_DATA_HOME to a folder that is");
    }
}
