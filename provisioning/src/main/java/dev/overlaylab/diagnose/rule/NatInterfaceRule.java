package dev.overlaylab.diagnose.rule;

import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.Rule;
import dev.overlaylab.etcd.EtcdEndpoints;
import dev.overlaylab.etcd.EtcdKeys;
import dev.overlaylab.etcd.Etcdctl;
import dev.overlaylab.etcd.Lease;
import dev.overlaylab.model.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * #1: flanneld chose the NAT NIC (the default route's, 10.0.2.15 on every VirtualBox VM) instead of the
 * host-only one. Seen as leases sharing one PublicIP, or a node's lease carrying an address that is not its
 * host-only address. flannel also reuses a lease found by PublicIP, so nodes may end up sharing one subnet.
 */
public final class NatInterfaceRule implements Rule {

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        if (!ctx.leasesReadable() || ctx.leases().isEmpty()) {
            return Optional.empty();
        }
        Set<String> nodeIps = ctx.lab().nodes().stream().map(Node::ip).collect(Collectors.toSet());
        List<String> evidence = new ArrayList<>();
        String wrongIp = null;
        Map<String, List<Lease>> byIp = ctx.leases().stream()
                .collect(Collectors.groupingBy(Lease::publicIp, LinkedHashMap::new, Collectors.toList()));
        for (var e : byIp.entrySet()) {
            if (e.getValue().size() > 1 && !nodeIps.contains(e.getKey())) {
                wrongIp = e.getKey();
                evidence.add("leases " + e.getValue().stream().map(Lease::subnet).collect(Collectors.joining(", "))
                        + " all carry PublicIP " + e.getKey());
            }
        }
        Map<String, List<String>> nodesBySubnet = new LinkedHashMap<>();
        for (Node n : ctx.lab().nodes()) {
            var subnet = ctx.subnetEnv(n).flatMap(e -> e.subnet());
            if (subnet.isEmpty()) {
                continue;
            }
            nodesBySubnet.computeIfAbsent(subnet.get().normalized().toString(), k -> new ArrayList<>()).add(n.name());
            var lease = ctx.obs().leases().forSubnet(subnet.get());
            if (lease.isPresent() && !lease.get().publicIp().equals(n.ip())) {
                wrongIp = lease.get().publicIp();
                evidence.add(n.name() + ": its lease " + lease.get().subnet() + " has PublicIP " + lease.get().publicIp()
                        + ", but its host-only address is " + n.ip());
                for (Lease earlier : ctx.obs().leases().withPublicIp(n.ip())) {
                    evidence.add(n.name() + ": etcd still holds its earlier lease " + earlier.subnet() + " → " + n.ip()
                            + " (from before flanneld changed NIC)");
                }
            }
        }
        if (wrongIp == null) {
            return Optional.empty();
        }
        nodesBySubnet.forEach((subnet, names) -> {
            if (names.size() > 1) {
                evidence.add(String.join(" and ", names) + " share the subnet " + subnet
                        + " (flanneld reuses a lease found by its PublicIP)");
            }
        });
        String nic = hostOnlyNic(ctx);
        // one delete per key: a second key would be read as etcdctl v3's range end
        Etcdctl ctl = Etcdctl.of(ctx.lab().etcdApi(), EtcdEndpoints.of("127.0.0.1", ctx.lab().etcd().clientPort()));
        EtcdKeys keys = new EtcdKeys(ctx.lab().etcd().prefix());
        String wrongKeys = ctx.leases().stream().filter(l -> !nodeIps.contains(l.publicIp()))
                .map(l -> ctl.deleteByHand(keys.subnet(l.subnet())))
                .collect(Collectors.joining("; "));
        return Optional.of(Finding.mode(1,
                "flanneld bound to the NAT interface (" + wrongIp + ") instead of the host-only one",
                evidence,
                "run flanneld with --iface=" + nic + " (lab file: flannel.iface: " + nic + "), delete the wrong leases "
                        + "(" + (wrongKeys.isEmpty() ? ctl.deleteByHand(keys.subnets() + "<subnet>") : wrongKeys)
                        + "), then restart flanneld and docker"));
    }

    private static String hostOnlyNic(DiagnosisContext ctx) {
        Node master = ctx.lab().master();
        return ctx.obs().node(master.name()).flatMap(o -> o.interfaceWith(master.ip()))
                .or(() -> ctx.lab().flannel().iface())
                .orElse("<the NIC holding " + master.ip() + ">");
    }
}
