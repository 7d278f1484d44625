package dev.overlaylab.app.topology;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import java.util.List;
import java.util.Optional;

/**
 * What the topology picture shows, taken from a lab (and, when known, the live leases).
 *
 * @param lab          lab name
 * @param hostCidr     host-only network
 * @param hostIp       the host's address on it
 * @param overlay      flannel Network
 * @param backend      backend type as shown, e.g. {@code vxlan (DirectRouting)}
 * @param overlayDevice the flannel device on each node ({@code flannel.1}, {@code flannel0}) or empty for host-gw
 * @param health       node → what the last verification said about its links (empty before one ran)
 * @param serviceCidr  the Kubernetes service network (ClusterIPs, made real on every node by kube-proxy), when the lab
 *                     has a {@code kubernetes:} section
 */
public record TopologyInput(String lab, String hostCidr, String hostIp, String overlay, String backend,
                            Optional<String> overlayDevice, Optional<String> natNic, List<NodeInfo> nodes,
                            java.util.Map<String, LinkHealth> health, Optional<String> serviceCidr) {

    /** VirtualBox gives every VM this NAT address; the local provider copies it on purpose. */
    public static final String NAT_IP = "10.0.2.15";

    public TopologyInput {
        nodes = List.copyOf(nodes);
        health = java.util.Map.copyOf(health);
    }

    /** Before any verification: no link has a verdict. */
    public TopologyInput(String lab, String hostCidr, String hostIp, String overlay, String backend,
                         Optional<String> overlayDevice, Optional<String> natNic, List<NodeInfo> nodes) {
        this(lab, hostCidr, hostIp, overlay, backend, overlayDevice, natNic, nodes, java.util.Map.of(), Optional.empty());
    }

    /** The same picture with the service network drawn. */
    public TopologyInput withServiceCidr(Optional<String> cidr) {
        return new TopologyInput(lab, hostCidr, hostIp, overlay, backend, overlayDevice, natNic, nodes, health, cidr);
    }

    /** What the last verification said about {@code node}'s links. */
    public LinkHealth healthOf(String node) {
        return health.getOrDefault(node, LinkHealth.UNKNOWN);
    }

    /** The same picture with the links coloured by a verification's cells. */
    public TopologyInput withChecks(List<dev.overlaylab.app.engine.CheckResult> checks) {
        return new TopologyInput(lab, hostCidr, hostIp, overlay, backend, overlayDevice, natNic, nodes,
                LinkHealth.of(nodes.stream().map(NodeInfo::name).toList(), checks), serviceCidr);
    }

    /**
     * One node.
     *
     * @param subnet the node's flannel lease (docker0's subnet) when known from the live lab
     */
    public record NodeInfo(String name, boolean master, String hostOnlyIp, String hostOnlyNic, Optional<String> subnet) {
    }

    /** VirtualBox VMs and local nodes have the NAT NIC at {@link #NAT_IP}; existing machines have their own. */
    public boolean hasNat() {
        return natNic.isPresent();
    }

    public static TopologyInput of(Lab lab) {
        String type = lab.flannel().backend().type();
        boolean direct = Boolean.TRUE.equals(lab.flannel().backend().options().get("DirectRouting"));
        Optional<dev.overlaylab.model.Profile> profile = dev.overlaylab.model.Profiles.find(lab.profile());
        String nic = lab.flannel().iface().or(() -> profile.map(dev.overlaylab.model.Profile::hostOnlyNic))
                .orElse("host-only");
        Optional<String> nat = "hosts".equals(lab.provider()) ? Optional.empty()
                : Optional.of(profile.map(dev.overlaylab.model.Profile::natNic).orElse("NAT"));
        List<NodeInfo> nodes = lab.nodes().stream()
                .map(n -> new NodeInfo(n.name(), n.role() == Node.Role.MASTER, n.ip(), nic, Optional.empty()))
                .toList();
        return new TopologyInput(lab.name(), lab.network().cidr(), lab.network().hostIp(), lab.flannel().network(),
                type + (direct ? " (DirectRouting)" : ""), deviceOf(type), nat, nodes, java.util.Map.of(),
                lab.kubernetes().map(dev.overlaylab.model.KubernetesSettings::serviceCidr));
    }

    /**
     * The same picture with the live leases (node → leased subnet such as {@code 10.1.35.0/24}):
     * docker0 holds the subnet's {@code .1}, the flannel device its {@code .0}.
     */
    public TopologyInput withLeases(java.util.Map<String, String> leases) {
        List<NodeInfo> live = nodes.stream().map(n -> new NodeInfo(n.name(), n.master(), n.hostOnlyIp(), n.hostOnlyNic(),
                Optional.ofNullable(leases.get(n.name())).map(s -> s.replaceFirst("\\.0/", ".1/")).or(n::subnet)))
                .toList();
        return new TopologyInput(lab, hostCidr, hostIp, overlay, backend, overlayDevice, natNic, live, health, serviceCidr);
    }

    /** flannel's device per backend: vxlan → flannel.1, udp → flannel0 (TUN), host-gw → none. */
    public static Optional<String> deviceOf(String backendType) {
        return switch (backendType) {
            case "vxlan" -> Optional.of("flannel.1");
            case "udp" -> Optional.of("flannel0");
            default -> Optional.empty();
        };
    }
}
