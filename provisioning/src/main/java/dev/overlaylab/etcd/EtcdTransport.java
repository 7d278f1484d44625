package dev.overlaylab.etcd;

/**
 * How a composition reaches the lab's etcd, said once where the parts are put together (the
 * production wiring, a test's rig), never guessed from the type of a shell.
 */
public enum EtcdTransport {
    /**
     * jetcd (v3) or the v2 HTTP gateway through SSH local forwards over the master's connection: the
     * client runs here, typed and bounded. Needs a shell that can forward ({@code NodeShell#forward}).
     */
    FORWARD,
    /** etcdctl run on the master over its shell: works with any shell, costs one command per call. */
    ETCDCTL;

    /** The factory of ports this transport opens. */
    public EtcdPort.Factory ports() {
        return switch (this) {
            case FORWARD -> EtcdPorts::throughForward;
            case ETCDCTL -> EtcdctlPort::onMaster;
        };
    }
}
