package dev.overlaylab.diagnose;

import dev.overlaylab.verify.LeaseView;
import dev.overlaylab.verify.Probe;
import java.util.Map;
import java.util.Optional;

/**
 * Facts the diagnoser needs beyond the matrix.
 *
 * @param leases           flannel's leases in etcd
 * @param etcdListeners    {@code ss -ltn} on the master (what etcd listens on)
 * @param configV3         the network config read through etcd's v3 API
 * @param configV2         the network config read through etcd's v2 keys API
 * @param nodes            per node, by name
 * @param vboxNetworksConf the host's {@code /etc/vbox/networks.conf}, when it exists
 */
public record Observations(
        LeaseView leases,
        Optional<Probe> etcdListeners,
        Optional<Probe> configV3,
        Optional<Probe> configV2,
        Map<String, NodeObservation> nodes,
        Optional<String> vboxNetworksConf) {

    public Observations {
        nodes = Map.copyOf(nodes);
    }

    public Optional<NodeObservation> node(String name) {
        return Optional.ofNullable(nodes.get(name));
    }
}
