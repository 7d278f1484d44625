package dev.overlaylab.render.kube;

import dev.overlaylab.model.Cidr;
import dev.overlaylab.net.SubnetEnv;
import dev.overlaylab.node.NodeLayout;
import java.util.Map;

/**
 * The values of a node's CNI conflist ({@value #TEMPLATE}), known only once flanneld holds the node's lease:
 * the subnet docker0 is on, its gateway, the upper half of it for pods (docker hands out the lower half) and
 * FLANNEL_MTU. Written at run time by engine.kube.CniConfigStep; containerd reads the folder when a pod starts.
 */
public final class CniLease {
    public static final String TEMPLATE = "kube/10-olab-flannel.conflist.ftl";
    public static final String PATH = "/etc/cni/net.d/10-olab-flannel.conflist";

    private CniLease() {
    }

    /** The template's {@code lease} variable for a node whose docker0 is {@code subnet} (FLANNEL_SUBNET, e.g. 10.81.35.1/24). */
    public static Map<String, Object> values(Cidr subnet, int mtu) {
        Cidr net = subnet.normalized();
        long half = net.size() / 2;
        return Map.of("lease", Map.of(
                "subnet", net.toString(),
                "gateway", Cidr.formatAddress(subnet.address()),
                "rangeStart", Cidr.formatAddress(net.nthAddress(half)),
                "rangeEnd", Cidr.formatAddress(net.nthAddress(net.size() - 2)),
                "mtu", mtu,
                "subnetEnv", SubnetEnv.PATH));
    }

    /** The conflist's marker: it names the lease file it was made from, as before it was a template. */
    public static String marker(String labName) {
        return NodeLayout.labMarker(labName) + " from " + SubnetEnv.PATH + "): edits are overwritten by olab up";
    }
}
