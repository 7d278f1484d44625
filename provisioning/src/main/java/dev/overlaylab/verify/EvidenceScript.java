package dev.overlaylab.verify;

import dev.overlaylab.exec.ExecResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Many read-only commands as one shell script, so they cost one SSH exec (an exec is a channel open, a round trip
 * and a fork with a PAM session in sshd; twenty of them were most of a diagnosis). Each section's stdout, stderr and
 * exit code come back apart, as if it had been its own {@link Probe}. Slow sections run in the background so the
 * script takes as long as the slowest of them. Used for a node's evidence in a diagnosis (etcd reads that may wait
 * out a dial timeout, the journal) and for the cells of one node pair in verify (its pings and its HTTP request).
 */
public final class EvidenceScript {
    /** The script's first line: tells a test's fake node that this is a bundle and not one command. */
    public static final String HEADER = "# olab-evidence";
    static final String SECTION = "@@olab-section ";
    static final String STDERR = "\n@@olab-stderr\n";
    static final String END = "\n@@olab-end\n";

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

    public static String render(List<Section> sections) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        s.append("d=$(mktemp -d) || exit 1\n");
        if (sections.stream().anyMatch(x -> x.limitSeconds() > 0)) {
            s.append("sec() { if [ -n \"$3\" ]; then timeout -k 1 \"$3\" sh -c \"$2\"; else ( eval \"$2\" ); fi >\"$d/$1.out\" 2>\"$d/$1.err\" </dev/null;")
                    .append(" r=$?; [ -z \"$3\" ] || [ $r -ne 124 ] || echo \"timed out after $3 s\" >>\"$d/$1.err\"; echo $r >\"$d/$1.rc\"; }\n");
        } else {
            s.append("sec() { ( eval \"$2\" ) >\"$d/$1.out\" 2>\"$d/$1.err\" </dev/null; echo $? >\"$d/$1.rc\"; }\n");
        }
        for (Section x : sections) {
            s.append("sec ").append(x.name()).append(' ').append(quote(x.command()))
                    .append(x.limitSeconds() > 0 ? " " + x.limitSeconds() : "").append(x.background() ? " &" : "").append('\n');
        }
        s.append("wait\n");
        s.append("for n in");
        sections.forEach(x -> s.append(' ').append(x.name()));
        s.append("; do printf '").append(SECTION).append("%s %s\\n' \"$n\" \"$(cat \"$d/$n.rc\" 2>/dev/null || echo 255)\";")
                .append(" cat \"$d/$n.out\"; printf '\\n@@olab-stderr\\n'; cat \"$d/$n.err\"; printf '\\n@@olab-end\\n'; done\n");
        s.append("rm -rf \"$d\"\n");
        return s.toString();
    }

    /** Each section's result; a section missing from the output (the script did not run) carries the whole run's error. */
    public static Map<String, Probe> parse(List<Section> sections, ExecResult whole, Duration took) {
        Map<String, Probe> out = new LinkedHashMap<>();
        String text = whole.stdout();
        for (Section x : sections) {
            int head = text.indexOf(SECTION + x.name() + " ");
            int lineEnd = head < 0 ? -1 : text.indexOf('\n', head);
            int err = lineEnd < 0 ? -1 : text.indexOf(STDERR, lineEnd);
            int end = err < 0 ? -1 : text.indexOf(END, err);
            ExecResult r;
            if (end < 0) {
                r = new ExecResult(List.of("sh", "-c", x.command()), whole.ok() ? 255 : whole.exitCode(), "",
                        ("not read: " + whole.stderr()).strip());
            } else {
                int rc;
                try {
                    rc = Integer.parseInt(text.substring(head + SECTION.length() + x.name().length() + 1, lineEnd).strip());
                } catch (NumberFormatException e) {
                    rc = 255;
                }
                r = new ExecResult(List.of("sh", "-c", x.command()), rc, text.substring(lineEnd + 1, err),
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
