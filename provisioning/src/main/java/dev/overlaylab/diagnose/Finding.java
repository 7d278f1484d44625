package dev.overlaylab.diagnose;

import java.util.List;
import java.util.OptionalInt;

/**
 * A named cause of failed checks.
 *
 * @param cause       one short line: what is wrong
 * @param evidence    what was seen that shows it, one fact a line (node names, addresses, command output)
 * @param fix         what to do about it
 * @param failureMode the row of docs/failure-modes.md (1-12), empty for causes outside that table
 */
public record Finding(String cause, List<String> evidence, String fix, OptionalInt failureMode) {

    public Finding {
        evidence = List.copyOf(evidence);
    }

    public static Finding mode(int number, String cause, List<String> evidence, String fix) {
        return new Finding(cause, evidence, fix, OptionalInt.of(number));
    }

    public static Finding other(String cause, List<String> evidence, String fix) {
        return new Finding(cause, evidence, fix, OptionalInt.empty());
    }
}
