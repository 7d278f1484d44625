package dev.overlaylab.app.engine;

/**
 * The fault practice mode injected ({@code olab break LAB random}): kept from the person until they ask.
 *
 * @param faultId         the stable id of the failure mode it causes
 * @param node            the node that was changed
 * @param repairNeedsForce true when undoing it changes what the lab did not make (a firewall rule, a sysctl)
 */
public record PracticeBreak(String faultId, String node, boolean repairNeedsForce) {
}
