package dev.overlaylab.app.engine;

/**
 * How a provisioning or push run ended. Failures themselves arrive as FAILED progress events
 * (with the node, step, command, evidence and fix); this only says whether there were any.
 */
public record RunSummary(boolean ok, String summary) {
}
