package dev.overlaylab.provider;

/**
 * One thing {@code down} removes, as the preview shows it and in the order down removes it.
 * {@link Provider#downPreview} and {@link Provider#down} are built on the same list, so what a
 * person confirms is what is removed.
 *
 * @param node the lab node it belongs to; empty for the lab's own things on this machine
 * @param what what is removed, naming it as it appears on the machine (VM, container, link, file)
 */
public record Removal(String node, String what) {
    public Removal {
        node = node == null ? "" : node;
    }

    @Override
    public String toString() {
        return (node.isEmpty() ? "" : node + ": ") + what;
    }
}
