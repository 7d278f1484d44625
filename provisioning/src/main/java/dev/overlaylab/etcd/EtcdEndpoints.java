package dev.overlaylab.etcd;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Where etcd's client port is dialled from the master: its own loopback first, then every member's
 * host-only address. Loopback first so that an etcd listening on 127.0.0.1 only (a fault the
 * diagnoser names) can still be read; every member so that leases stay readable while the master's
 * own member is down and the others hold a quorum. Both adapters use exactly this list.
 *
 * @param hosts addresses as the master sees them
 * @param port  etcd's client port
 */
public record EtcdEndpoints(List<String> hosts, int port) {

    public EtcdEndpoints {
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("etcd needs at least one endpoint");
        }
    }

    public static EtcdEndpoints fromMaster(Lab lab) {
        List<String> hosts = new ArrayList<>(List.of("127.0.0.1"));
        for (Node n : lab.etcdNodes()) {
            if (!hosts.contains(n.ip())) {
                hosts.add(n.ip());
            }
        }
        return new EtcdEndpoints(hosts, lab.etcd().clientPort());
    }

    /** One endpoint, e.g. a member's own host-only address. */
    public static EtcdEndpoints of(String host, int port) {
        return new EtcdEndpoints(List.of(host), port);
    }

    public List<String> urls() {
        return hosts.stream().map(h -> "http://" + h + ":" + port).toList();
    }

    /** {@code http://127.0.0.1:2379,http://192.168.56.101:2379}: etcdctl's {@code --endpoints}. */
    public String commaSeparated() {
        return String.join(",", urls());
    }
}
