package dev.overlaylab.ssh;

/**
 * The node presented a host key different from the one recorded in Overlay Lab's own known_hosts.
 * Either the machine was rebuilt (then forget the old key) or something sits in between (then stop).
 */
public class HostKeyChangedException extends SshException {
    private final String oldFingerprint;
    private final String newFingerprint;

    public HostKeyChangedException(String node, String hostPort, String keyType, String oldFingerprint,
            String newFingerprint, KnownHostsStore store) {
        super(node, hostPort,
                "the host key CHANGED since it was first recorded; refusing to connect.\n"
                        + "  recorded " + keyType + " key: " + oldFingerprint + "\n"
                        + "  offered  " + keyType + " key: " + newFingerprint + "\n"
                        + "  known_hosts: " + store.file(),
                "if you rebuilt this node (new VM, new container), forget the old key: run `ssh-keygen -R '"
                        + KnownHostsStore.hostToken(hostPort) + "' -f " + store.file()
                        + "` (or delete that line from the file), then run again. If you did not rebuild it, do not"
                        + " continue: something else answers at that address.",
                null);
        this.oldFingerprint = oldFingerprint;
        this.newFingerprint = newFingerprint;
    }

    public String oldFingerprint() {
        return oldFingerprint;
    }

    public String newFingerprint() {
        return newFingerprint;
    }
}
