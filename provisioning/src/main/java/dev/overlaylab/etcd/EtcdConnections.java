package dev.overlaylab.etcd;

import dev.overlaylab.ssh.LocalForward;
import dev.overlaylab.ssh.SshNodeShell;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Opens an {@link EtcdGateway}. The usual way is {@link #throughSsh}: a local forward over the
 * master's SSH connection to etcd's client port as the master sees it, so it works for every
 * provider, even when this machine cannot route to the host-only network.
 */
public final class EtcdConnections {
    private EtcdConnections() {
    }

    /** A gateway to an etcd this machine can reach directly, e.g. {@code http://127.0.0.1:2379}. */
    public static EtcdGateway direct(EtcdGateway.Api api, String endpoint, EtcdKeys keys, Duration timeout) {
        return direct(api, endpoint, endpoint, keys, timeout);
    }

    private static EtcdGateway direct(EtcdGateway.Api api, String endpoint, String where, EtcdKeys keys, Duration timeout) {
        return api == EtcdGateway.Api.V2 ? new EtcdV2Gateway(endpoint, where, keys, timeout) : new EtcdV3Gateway(endpoint, where, keys, timeout);
    }

    /**
     * A gateway to etcd at {@code etcdHost:clientPort} seen from the master (its host-only address,
     * or 127.0.0.1 if etcd listens there only), carried over the master's SSH connection. Closing
     * the gateway closes the forward; the SSH connection stays the caller's.
     */
    public static EtcdGateway throughSsh(SshNodeShell master, String etcdHost, int clientPort, EtcdGateway.Api api,
            EtcdKeys keys, Duration timeout) {
        LocalForward forward = master.forward(etcdHost, clientPort);
        String where = etcdHost + ":" + clientPort + " via ssh to " + master.nodeName();
        try {
            return new Forwarded(direct(api, forward.localUrl(), where, keys, timeout), forward, where);
        } catch (RuntimeException e) {
            forward.close();
            throw e;
        }
    }

    /** Delegates to the real gateway; closes the forward with it. */
    private record Forwarded(EtcdGateway inner, LocalForward forward, String description) implements EtcdGateway {
        @Override
        public Api api() {
            return inner.api();
        }

        @Override
        public String endpoint() {
            return inner.endpoint() + " (" + description + ")";
        }

        @Override
        public EtcdKeys keys() {
            return inner.keys();
        }

        @Override
        public Optional<String> readConfig() {
            return inner.readConfig();
        }

        @Override
        public ConfigWrite writeConfig(String json, boolean force) {
            return inner.writeConfig(json, force);
        }

        @Override
        public List<Lease> leases() {
            return inner.leases();
        }

        @Override
        public Health health() {
            return inner.health();
        }

        @Override
        public void close() {
            try {
                inner.close();
            } finally {
                forward.close();
            }
        }
    }
}
