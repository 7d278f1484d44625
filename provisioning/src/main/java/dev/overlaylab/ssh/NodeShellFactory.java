package dev.overlaylab.ssh;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.ssh.NodeShell;

/** Opens a connected shell on a node (the sshj implementation in production, a fake node in tests). */
@FunctionalInterface
public interface NodeShellFactory {
    NodeShell open(Lab lab, Node node);
}
