package dev.overlaylab.verify;

import dev.overlaylab.exec.ExecResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Many commands as one shell script, so they cost one SSH exec (an exec is a channel open, a round trip and a fork
 * with a PAM session in sshd; twenty of them were most of a diagnosis). Each section's stdout, stderr and exit code
 * come back apart, as if it had been its own {@link Probe}. Slow sections run in the background so the script takes
 * as long as the slowest of them. Used for a node's evidence in a diagnosis (etcd reads that may wait out a dial
 * timeout, the journal), for a node's reads in verify ({@code NodeReader}: the only script that changes something,
 * its verify pod) and for the cells of a source node's pairs ({@code PairRun}: pings and HTTP requests).
 */
public final class EvidenceScript {
    /** The script's first line: tells a test's fake node that this is a bundle and not one command. */
    public static final String HEADER = "# olab-evidence";
    static final String SECTION = "@@olab-section ";
    static final String STDERR = "\n@@olab-stderr\n";
    static final String END = "\n@@olab-end ";

    /**
     * One command of the bundle; {@code background} for the ones that may wait on the network. A section with a
     * {@code limitSeconds} above 0 is stopped after that long (exit 124, "timed out after N s" on its stderr), so one
     * hung command (a wedged dockerd) cannot cost the other sections their answers.
     */
    public record Section(String name, String command, boolean background, int limitSeconds) {
        public Section {
            if (!name.matches("[a-z0-9-]+")) {
                throw new IllegalArgumentException("section names are [a-z0-9-]: " + name);
            }
        }

        public Section(String name, String command, boolean background) {
            this(name, command, background, 0);
        }
    }

    private EvidenceScript() {
    }

    /**
     * The script. Each section writes its own record into two files as it runs (its header and stdout; the stderr
     * marker, its stderr and a trailer with the exit code), and one {@code cat} prints them all in order at the end:
     * reading each section back with a {@code cat} per file made four processes per section, most of a pair
     * script's 25 sections' cost on the node.
     */
    public static String render(List<Section> sections) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        s.append("d=$(mktemp -d) || exit 1\n");
        boolean limits = sections.stream().anyMatch(x -> x.limitSeconds() > 0);
        s.append("sec() { printf '").append(SECTION).append("%s\\n' \"$1\" >\"$d/$1.1\"; printf '").append(STDERR.replace("\n", "\\n"))
                .append("' >\"$d/$1.2\"; ")
                .append(limits ? "if [ -n \"$3\" ]; then timeout -k 1 \"$3\" sh -c \"$2\"; else ( eval \"$2\" ); fi" : "( eval \"$2\" )")
                .append(" >>\"$d/$1.1\" 2>>\"$d/$1.2\" </dev/null; r=$?; ")
                .append(limits ? "[ -z \"$3\" ] || [ $r -ne 124 ] || echo \"timed out after $3 s\" >>\"$d/$1.2\"; " : "")
                .append("printf '").append(END.replace("\n", "\\n")).append("%s\\n' $r >>\"$d/$1.2\"; }\n");
        for (Section x : sections) {
            s.append("sec ").append(x.name()).append(' ').append(quote(x.command()))
                    .append(x.limitSeconds() > 0 ? " " + x.limitSeconds() : "").append(x.background() ? " &" : "").append('\n');
        }
        s.append("wait\ncat");
        sections.forEach(x -> s.append(" \"$d/").append(x.name()).append(".1\" \"$d/").append(x.name()).append(".2\""));
        s.append(" 2>/dev/null\nrm -rf \"$d\"\n");
        return s.toString();
    }

    /**
     * Each section's result; a section missing from the output, or cut short (the script did not run, or ended
     * before the section did), carries the whole run's error.
     */
    public static Map<String, Probe> parse(List<Section> sections, ExecResult whole, Duration took) {
        Map<String, Probe> out = new LinkedHashMap<>();
        String text = whole.stdout();
        for (Section x : sections) {
            String header = SECTION + x.name() + "\n";
            int head = text.startsWith(header) ? 0 : text.indexOf("\n" + header);
            int body = head < 0 ? -1 : text.indexOf('\n', head == 0 ? 0 : head + 1) + 1;
            int err = body <= 0 ? -1 : text.indexOf(STDERR, body);
            int end = err < 0 ? -1 : text.indexOf(END, err);
            int endLine = end < 0 ? -1 : text.indexOf('\n', end + END.length());
            ExecResult r;
            if (endLine < 0) {
                r = new ExecResult(List.of("sh", "-c", x.command()), whole.ok() ? 255 : whole.exitCode(), "",
                        ("not read: " + whole.stderr()).strip());
            } else {
                int rc;
                try {
                    rc = Integer.parseInt(text.substring(end + END.length(), endLine).strip());
                } catch (NumberFormatException e) {
                    rc = 255;
                }
                r = new ExecResult(List.of("sh", "-c", x.command()), rc, text.substring(body, Math.max(body, err)),
                        text.substring(err + STDERR.length(), end));
            }
            out.put(x.name(), new Probe(x.command(), r, took));
        }
        return out;
    }

    /** Always single quotes (the fake nodes of the tests read the commands back out of the script). */
    static String quote(String command) {
        return "'" + command.replace("'", "'\\''") + "'";
    }
}
