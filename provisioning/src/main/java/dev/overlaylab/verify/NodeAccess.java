package dev.overlaylab.verify;

import dev.overlaylab.ssh.NodeShell;

/**
 * How the verifier reaches a lab: one shell per node (connected, reused by every check on that node and
 * safe to call from several threads at once) and the etcd leases. The caller owns and closes the shells.
 */
public interface NodeAccess {

    /** The connected shell of this node. */
    NodeShell shell(String nodeName);

    /** The node's shell, or one whose every command fails with the connection error (the matrix still gets drawn). */
    default NodeShell shellOrUnreachable(String nodeName) {
        try {
            return shell(nodeName);
        } catch (RuntimeException e) {
            return new UnreachableShell(nodeName, String.valueOf(e.getMessage()));
        }
    }

    /** Reads the leases flanneld holds in etcd. */
    LeaseSource leases();
}
