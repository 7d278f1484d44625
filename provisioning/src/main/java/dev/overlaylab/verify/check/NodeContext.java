package dev.overlaylab.verify.check;

import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.Lab;
import dev.overlaylab.verify.LeaseView;
import dev.overlaylab.verify.NodeFacts;

/** Everything a per-node check judges: the lab, what was read from the node, and etcd's leases. */
public record NodeContext(Lab lab, NodeFacts facts, LeaseView leases) {

    public String node() {
        return facts.name();
    }

    public Cidr flannelNetwork() {
        return Cidr.parse(lab.flannel().network());
    }
}
