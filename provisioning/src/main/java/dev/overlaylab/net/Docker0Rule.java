package dev.overlaylab.net;

import dev.overlaylab.model.Cidr;
import java.util.Optional;

/**
 * The one rule "docker0 is on the subnet flannel leased", used by the engine's step, the
 * {@code docker0-subnet} check and the lab inspector, so {@code up} cannot call a docker0
 * "unchanged" that {@code verify} then fails.
 *
 * <p>The rule: docker0's address <em>and</em> prefix equal FLANNEL_SUBNET. flanneld writes
 * FLANNEL_SUBNET as the bridge's address with the lease's prefix ({@code 10.1.35.1/24}) and the
 * lab's docker drop-in passes exactly that as {@code --bip}, so a docker that took the drop-in has
 * exactly that address. Anything else means docker did not (re)read subnet.env: an address merely
 * inside the subnet ({@code 10.1.35.7/24}) or a wider prefix ({@code 10.1.35.1/16}, which makes
 * docker0 claim routes to the other nodes' pods) is as wrong as the default {@code 172.17.0.1/16}.
 */
public final class Docker0Rule {

    /** The outcome, with a sentence for the person that names both addresses. */
    public record Verdict(boolean ok, String reason) {
    }

    private Docker0Rule() {
    }

    public static Verdict judge(Cidr flannelSubnet, Optional<Cidr> docker0) {
        if (docker0.isEmpty()) {
            return new Verdict(false, "docker0 has no IPv4 address (docker not started?)");
        }
        Cidr d = docker0.get();
        if (d.equals(flannelSubnet)) {
            return new Verdict(true, "docker0 " + d + " is FLANNEL_SUBNET " + flannelSubnet);
        }
        if (d.prefix() != flannelSubnet.prefix()) {
            return new Verdict(false, "docker0 " + d + " has prefix /" + d.prefix() + " but FLANNEL_SUBNET is " + flannelSubnet
                    + (flannelSubnet.normalized().contains(d.address()) ? "" : ", and its address is outside it"));
        }
        if (d.normalized().equals(flannelSubnet.normalized())) {
            return new Verdict(false, "docker0 " + d + " is inside FLANNEL_SUBNET " + flannelSubnet + " but not its address "
                    + flannelSubnet.ip() + " (docker's --bip)");
        }
        return new Verdict(false, "docker0 " + d + " is outside FLANNEL_SUBNET " + flannelSubnet);
    }
}
