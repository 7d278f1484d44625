package dev.overlaylab.ssh;

/**
 * Told once when a node's host key is seen for the first time and recorded, so the CLI and the GUI
 * can show its fingerprint to the person (trust on first use, made visible). Must be thread-safe.
 */
@FunctionalInterface
public interface HostKeyListener {

    void firstKeyRecorded(String node, String hostPort, String keyType, String sha256Fingerprint);

    HostKeyListener NONE = (node, hostPort, keyType, fingerprint) -> { };
}
