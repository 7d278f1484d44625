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
        // "sec NAME 'COMMAND' [LIMIT] [&]": the command is single-quoted ('\'' inside) and may span lines
        int at = 0;
        while ((at = script.indexOf("\nsec ", at)) >= 0) {
            int nameStart = at + 5;
            int nameEnd = script.indexOf(' ', nameStart);
            String name = script.substring(nameStart, nameEnd);
            StringBuilder command = new StringBuilder();
            int i = nameEnd + 2;
            while (true) {
                int q = script.indexOf('\'', i);
                command.append(script, i, q);
                if (script.startsWith("'\\''", q)) {
                    command.append('\'');
                    i = q + 4;
                } else {
                    i = q + 1;
                    break;
                }
            }
            at = i;
            ExecResult r = one.apply(command.toString());
            out.append("@@olab-section ").append(name).append('\n')
                    .append(r.stdout()).append("\n@@olab-stderr\n").append(r.stderr()).append("\n@@olab-end ").append(r.exitCode()).append('\n');
        }
        return new ExecResult(List.of("sh", "-c", script), 0, out.toString(), "");
    }
}
