package dev.overlaylab.cli;

import dev.overlaylab.model.Node;
import dev.overlaylab.compose.Wiring;
import java.io.Console;
import java.util.Optional;

/** The command line's wiring: host keys shown on stderr when first seen, passwords asked on the console. */
final class Cli {
    private Cli() {
    }

    static Wiring wiring() {
        return new Wiring((node, hostPort, keyType, fingerprint) -> System.err.println(
                node + ": first contact with " + hostPort + ", recorded its " + keyType + " host key " + fingerprint),
                Cli::askOnConsole, Cli::askServerPassword);
    }

    /** The virtualbox-ws provider's password prompt; declines without a console (then OLAB_VBOXWS_PASSWORD is the way). */
    static Optional<char[]> askServerPassword(String url, String user) {
        Console c = System.console();
        if (c == null) {
            return Optional.empty();
        }
        char[] pw = c.readPassword("VirtualBox web service %s, password of %s: ", url, user);
        return pw == null ? Optional.empty() : Optional.of(pw);
    }

    /** The hosts provider's password prompt; declines when there is no console (scripts, CI). */
    static Optional<char[]> askOnConsole(Node node, String why) {
        Console c = System.console();
        if (c == null) {
            return Optional.empty();
        }
        char[] pw = c.readPassword("%s: %s%n%s@%s password: ", node.name(), why, node.ssh().user(), node.ssh().host());
        return pw == null || pw.length == 0 ? Optional.empty() : Optional.of(pw);
    }
}
