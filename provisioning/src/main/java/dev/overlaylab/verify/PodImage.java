package dev.overlaylab.verify;

import dev.overlaylab.exec.CommandFailedException;
import dev.overlaylab.exec.Commands;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.ssh.NodeShell;
import java.time.Duration;
import java.util.List;

/**
 * The image pods run from, made inside a node from Debian's {@code busybox-static} because no
 * registry is reachable from lab nodes: {@code /bin/busybox} plus one link per applet the checks
 * use, imported with {@code docker import}. Idempotent: nothing is done when the image exists.
 * Not tied to a provider: any node without a reachable registry (local nspawn, VirtualBox) needs it.
 *
 * <p>Trap: Debian bookworm's busybox 1.35 {@code wget -T} segfaults; use {@code timeout N wget}
 * (the {@code timeout} applet is linked for that) or {@code nc}.
 */
public final class PodImage {
    public static final String DEFAULT_IMAGE = LabLoader.DEFAULT_IMAGE;
    /** Applets the verification matrix and people poking at a lab use. */
    public static final List<String> APPLETS = List.of("sh", "ping", "ip", "sleep", "httpd", "wget", "nc",
            "timeout", "cat", "echo", "mkdir", "ls", "hostname", "ifconfig", "route");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private PodImage() {
    }

    /** What {@link #make} found or did. */
    public enum Outcome { PRESENT, MADE, NO_BUSYBOX }

    /**
     * Makes {@code image} on the node unless docker already has it, in one exec (the question, busybox's presence and
     * the import were four execs, 0.17 s of a cold up's critical path). NO_BUSYBOX: nothing was done.
     *
     * @throws CommandFailedException when the import failed
     */
    public static Outcome make(NodeShell node, String image) {
        ExecResult r = node.exec(makeScript(image), TIMEOUT);
        String said = r.stdout().strip();
        if (r.ok() && said.equals("present")) {
            return Outcome.PRESENT;
        }
        if (r.ok() && said.equals("no-busybox")) {
            return Outcome.NO_BUSYBOX;
        }
        if (r.ok() && said.equals("made")) {
            return Outcome.MADE;
        }
        throw new CommandFailedException(r, "on node " + node.nodeName() + ": the pod image needs docker running and "
                + "/bin/busybox from the busybox-static package (apt-get install busybox-static)");
    }

    /** Makes {@code image} on the node unless docker already has it; true when it was made now. */
    public static boolean ensure(NodeShell node, String image) {
        Outcome o = make(node, image);
        if (o == Outcome.NO_BUSYBOX) {
            throw new CommandFailedException(new ExecResult(List.of("sh", "-c", makeScript(image)), 1, "no-busybox\n", "/bin/busybox: not found"),
                    "on node " + node.nodeName() + ": the pod image needs /bin/busybox from the busybox-static package (apt-get install busybox-static)");
        }
        return o == Outcome.MADE;
    }

    /** Prints {@code present}, {@code no-busybox} or (after the import) {@code made}. */
    static String makeScript(String image) {
        return "if docker image inspect " + Commands.quote(image) + " >/dev/null 2>&1; then echo present; exit 0; fi\n"
                + "test -x /bin/busybox || { echo no-busybox; exit 0; }\n"
                + "(" + importScript(image) + ") && echo made";
    }

    public static boolean ensure(NodeShell node) {
        return ensure(node, DEFAULT_IMAGE);
    }

    /** The shell script run on the node: a throwaway folder, busybox and its links, docker import. */
    static String importScript(String image) {
        StringBuilder links = new StringBuilder();
        for (String a : APPLETS) {
            links.append(" ").append(a);
        }
        return "set -e; test -x /bin/busybox; d=$(mktemp -d); trap 'rm -rf \"$d\"' EXIT; "
                + "mkdir -p \"$d/bin\" \"$d/tmp\" \"$d/www\"; chmod 1777 \"$d/tmp\"; cp /bin/busybox \"$d/bin/busybox\"; "
                + "for a in" + links + "; do ln -s busybox \"$d/bin/$a\"; done; "
                + "echo overlay-lab > \"$d/www/index.html\"; "
                + "tar -C \"$d\" -c . | docker import -c 'CMD [\"/bin/sh\"]' -c 'ENV PATH=/bin' - " + Commands.quote(image) + " >/dev/null";
    }
}
