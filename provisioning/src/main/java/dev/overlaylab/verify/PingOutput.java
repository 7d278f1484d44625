package dev.overlaylab.verify;

import dev.overlaylab.exec.ExecResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads iputils' and busybox's ping summaries: "2 packets transmitted, 2 received" / "2 packets received". */
public final class PingOutput {
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) packets transmitted, (\\d+) (?:packets )?received");

    private PingOutput() {
    }

    /** Number of replies, or 0 when the summary is missing (ping could not even start). */
    public static int received(ExecResult r) {
        Matcher m = SUMMARY.matcher(r.stdout());
        return m.find() ? Integer.parseInt(m.group(2)) : 0;
    }

    /** Every ping answered and the exit code agrees. */
    public static boolean ok(ExecResult r) {
        return r.ok() && received(r) > 0;
    }

    /** One line for the matrix: "2/2 replies" or the error. */
    public static String describe(ExecResult r) {
        Matcher m = SUMMARY.matcher(r.stdout());
        if (m.find()) {
            return m.group(2) + "/" + m.group(1) + " answered";
        }
        String err = r.stderr().strip();
        return err.isEmpty() ? "no reply (exit " + r.exitCode() + ")" : err.lines().findFirst().orElse(err);
    }
}
