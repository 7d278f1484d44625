package dev.overlaylab.verify.check;

import dev.overlaylab.model.Lab;
import dev.overlaylab.verify.Ipv4Cidr;
import dev.overlaylab.verify.LeaseView;
import dev.overlaylab.verify.NodeFacts;

/** Everything a per-node check judges: the lab, what was read from the node, and etcd's leases. */
public record NodeContext(Lab lab, NodeFacts facts, LeaseView leases) {

    public String node() {
        return facts.name();
    }

    public Ipv4Cidr flannelNetwork() {
        return Ipv4Cidr.of(lab.flannel().network());
    }
}
