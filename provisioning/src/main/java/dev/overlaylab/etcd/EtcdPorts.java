package dev.overlaylab.etcd;

import dev.overlaylab.model.EtcdSettings.EtcdApi;
import dev.overlaylab.model.Lab;
import dev.overlaylab.ssh.LocalForward;
import dev.overlaylab.ssh.NodeShell;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens an {@link EtcdPort} with the forward adapter: etcd's v3 JSON gateway or the v2 keys API over HTTP, dialling
 * etcd directly or through SSH local forwards over the master's connection. The other adapter,
 * etcdctl on the master, is {@link EtcdctlPort}; {@link EtcdTransport} picks between them.
 */
public final class EtcdPorts {
    /** Every call of a forward-adapter port is bounded by this. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private EtcdPorts() {
    }

    /** A port to an etcd this machine can reach directly, e.g. {@code http://127.0.0.1:2379}. */
    public static EtcdPort direct(EtcdApi api, List<String> urls, EtcdKeys keys, Duration timeout) {
        return direct(api, urls, String.join(",", urls), keys, timeout);
    }

    private static EtcdPort direct(EtcdApi api, List<String> urls, String where, EtcdKeys keys, Duration timeout) {
        return switch (api) {
            case V2 -> new EtcdV2Gateway(urls, where, keys, timeout);
            case V3 -> new EtcdV3HttpGateway(urls, where, keys, timeout);
            case AUTO -> throw new IllegalArgumentException("resolve the etcd API first (Lab.etcdApi())");
        };
    }

    /** The lab's port through forwards over the master's connection, to {@link EtcdEndpoints#fromMaster}. */
    public static EtcdPort throughForward(Lab lab, NodeShell master) {
        return throughForward(master, EtcdEndpoints.fromMaster(lab), lab.etcdApi(), new EtcdKeys(lab.etcd().prefix()), TIMEOUT);
    }

    /**
     * A port to etcd at each of {@code endpoints} as the master sees them (its host-only address, or
     * 127.0.0.1 where etcd listens there only), each carried by its own local forward over the
     * master's connection. Closing the port closes the forwards; the connection stays the caller's.
     */
    public static EtcdPort throughForward(NodeShell master, EtcdEndpoints endpoints, EtcdApi api, EtcdKeys keys, Duration timeout) {
        List<LocalForward> forwards = new ArrayList<>();
        String where = String.join(",", endpoints.hosts()) + " port " + endpoints.port() + " via ssh to " + master.nodeName();
        try {
            for (String host : endpoints.hosts()) {
                forwards.add(master.forward(host, endpoints.port()));
            }
            return new Forwarded(direct(api, forwards.stream().map(LocalForward::localUrl).toList(), where, keys, timeout), forwards);
        } catch (RuntimeException e) {
            closeAll(forwards);
            throw e;
        }
    }

    private static void closeAll(List<LocalForward> forwards) {
        for (LocalForward f : forwards) {
            try {
                f.close();
            } catch (RuntimeException ignored) {
                // closing is best effort; the others still get closed
            }
        }
    }

    /** Delegates to the real port; closes the forwards with it. */
    private record Forwarded(EtcdPort inner, List<LocalForward> forwards) implements EtcdPort {
        @Override
        public EtcdApi api() {
            return inner.api();
        }

        @Override
        public String endpoint() {
            return inner.endpoint();
        }

        @Override
        public EtcdKeys keys() {
            return inner.keys();
        }

        @Override
        public java.util.Optional<String> readConfig() {
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
                closeAll(forwards);
            }
        }
    }
}
