package dev.overlaylab.testsupport;

import dev.overlaylab.verify.EvidenceScript;
import dev.overlaylab.exec.ExecResult;
import java.util.List;
import java.util.function.Function;

/**
 * Lets a fake node that answers one command at a time answer an {@link EvidenceScript} too: each section's
 * command is read back out of the script and answered alone, and the answers are printed the way the real
 * script prints them (section header with the exit code, stdout, stderr).
 */
public final class EvidenceBundles {
    private EvidenceBundles() {
    }

    public static boolean isBundle(String command) {
        return command.startsWith(EvidenceScript.HEADER + "\n");
    }

    public static ExecResult answer(String script, Function<String, ExecResult> one) {
        StringBuilder out = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.startsWith("sec ") || line.startsWith("sec()")) {
                continue;
            }
            String rest = line.substring(4);
            String name = rest.substring(0, rest.indexOf(' '));
            String quoted = rest.substring(rest.indexOf(' ') + 1).replaceFirst(" &$", "");
            String command = quoted.substring(1, quoted.length() - 1).replace("'\\''", "'");
            ExecResult r = one.apply(command);
            out.append("@@olab-section ").append(name).append(' ').append(r.exitCode()).append('\n')
                    .append(r.stdout()).append("\n@@olab-stderr\n").append(r.stderr()).append("\n@@olab-end\n");
        }
        return new ExecResult(List.of("sh", "-c", script), 0, out.toString(), "");
    }
}
