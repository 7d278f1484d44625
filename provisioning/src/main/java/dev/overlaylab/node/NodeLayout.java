package dev.overlaylab.node;

/**
 * Where Overlay Lab keeps things on a node, and how it recognises its own files: written once,
 * at the bottom of the layering, so that the renderer, the engine's steps, verify and the providers'
 * clean-up all agree without reaching into each other.
 */
public final class NodeLayout {
    /** Every rendered file that can carry a comment starts with a line containing this. */
    public static final String MARKER = "managed by Overlay Lab";
    /**
     * The start of one lab's marker line, {@code managed by Overlay Lab (lab NAME,}: the renderer
     * writes it and a provider's clean-up matches it, so that {@code down} of one lab leaves the files
     * another lab (or the local provider's node set-up) wrote on the same machine. The comma ends the
     * name, so lab {@code a} does not match lab {@code ab}.
     */
    public static String labMarker(String labName) {
        return MARKER + " (lab " + labName + ",";
    }

    /** A file that was on the node and not written by Overlay Lab is kept under its name + this. */
    public static final String BACKUP_SUFFIX = ".olab-bak";
    /** What a run still owes the node (restarts, daemon-reload), kept on the node itself. */
    public static final String PENDING_FILE = "/var/lib/overlay-lab/pending";
    /**
     * Verify's note of the node's verify pod ({@code IP PID ID IMAGE}), so the next verify can take the pod again
     * without a docker call. On {@code /run}: gone when the node restarts.
     */
    public static final String VERIFY_POD_NOTE = "/run/olab-verify-pod";
    /** flanneld's lease as it writes it for docker: FLANNEL_NETWORK, FLANNEL_SUBNET, FLANNEL_MTU. */
    public static final String SUBNET_ENV = "/run/flannel/subnet.env";

    /**
     * The flanneld binary's sha256 as last checked, with the size and mtime it had then:
     * {@code SHA SIZE MTIME_SECONDS PATH}. A binary whose size and mtime still match is not hashed
     * again (76 MB: seconds per node on a busy machine).
     */
    public static final String FLANNELD_DIGEST = "/var/lib/overlay-lab/flanneld.sha256";

    /** One line of {@link #FLANNELD_DIGEST}. */
    public static String flanneldDigestLine(String sha256, long size, long mtimeSeconds, String path) {
        return sha256 + " " + size + " " + mtimeSeconds + " " + path;
    }

    private NodeLayout() {
    }
}
