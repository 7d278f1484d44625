package dev.overlaylab.app.engine;

/**
 * A diagnosis: what is wrong, what was observed, and what to do.
 */
public record Finding(String cause, String evidence, String fix) {
}
