package dev.overlaylab.verify;

/** Outcome of one check. SKIP means "not run": switched off in the lab file, or a prerequisite already failed. */
public enum CheckStatus {
    PASS, FAIL, SKIP
}
