package dev.overlaylab.ssh;

/**
 * A listening port on 127.0.0.1 of this machine whose connections are carried over a node's SSH
 * connection to {@code remoteHost:remotePort} as seen from that node. Closing stops listening.
 */
public interface LocalForward extends AutoCloseable {

    int localPort();

    String remoteHost();

    int remotePort();

    /** {@code http://127.0.0.1:<localPort>}, handy for etcd clients. */
    default String localUrl() {
        return "http://127.0.0.1:" + localPort();
    }

    @Override
    void close();
}
