package dev.overlaylab.app.engine;

import java.util.List;

/**
 * What {@code olab diagnose} found, as the app shows it: the matrix it ran and each finding with its
 * stable id, one-line cause, the evidence (node, command, excerpt), the fix and whether Fix can apply it.
 */
public record Diagnosis(VerifyOutcome matrix, List<Diagnosis.Item> findings) {

    public Diagnosis {
        findings = List.copyOf(findings);
    }

    /** Whether the Fix buttons can do something about a finding. */
    public enum Repair {
        /** The lab made the broken part; Fix puts it back (the engine's up). */
        FIX,
        /** The broken part is something the lab did not make; only the confirmed "also change" applies it. */
        FORCE,
        /** A person has to decide: no button changes it. */
        PERSON
    }

    /** One piece of evidence; node and command are empty for facts of the lab as a whole. */
    public record Excerpt(String node, String command, String text) {
    }

    /**
     * @param commands for {@link Repair#FORCE}: what "also change" would run, one "node: command" each
     */
    public record Item(String id, String cause, List<Excerpt> evidence, String fix, Repair repair, List<String> commands) {
        public Item {
            evidence = List.copyOf(evidence);
            commands = List.copyOf(commands);
        }
    }

    /** True when every check passed and nothing was found. */
    public boolean healthy() {
        return findings.isEmpty() && matrix.checks().stream().allMatch(c -> c.passed() || c.skipped());
    }
}
