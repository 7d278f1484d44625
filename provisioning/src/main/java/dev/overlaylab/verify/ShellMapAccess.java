package dev.overlaylab.verify;

import dev.overlaylab.model.Lab;
import dev.overlaylab.ssh.NodeShell;
import java.util.Map;

/** {@link NodeAccess} over shells someone else opened (the engine's), leases read with etcdctl on the master. */
public final class ShellMapAccess implements NodeAccess {
    private final Lab lab;
    private final Map<String, NodeShell> shells;

    public ShellMapAccess(Lab lab, Map<String, NodeShell> shells) {
        this.lab = lab;
        this.shells = Map.copyOf(shells);
    }

    @Override
    public NodeShell shell(String nodeName) {
        NodeShell s = shells.get(nodeName);
        if (s == null) {
            throw new IllegalStateException("no connection to " + nodeName);
        }
        return s;
    }

    @Override
    public LeaseSource leases() {
        return new EtcdctlLeaseSource(lab, shellOrUnreachable(lab.master().name()));
    }
}
