package dev.overlaylab.provider;

/**
 * What a provider knows of a lab's machines without logging in to them: none made yet, all
 * running, all stopped (halted), some of each, or not the provider's to know (existing hosts).
 *
 * @param detail the evidence in a person's words ("master and node1 are powered off")
 */
public record Machines(Kind kind, String detail) {
    public enum Kind { NONE, RUNNING, STOPPED, PARTIAL, NOT_OURS }

    public static Machines notOurs() {
        return new Machines(Kind.NOT_OURS, "the machines are not made by Overlay Lab");
    }
}
