package dev.overlaylab.verify.check;

import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.Lab;
import dev.overlaylab.ssh.NodeShell;
import dev.overlaylab.verify.NodeFacts;
import java.util.Optional;

/** One ordered pair: checks run on {@code from}'s shell toward {@code to}. */
public record PairContext(Lab lab, NodeFacts from, NodeFacts to, NodeShell fromShell) {

    /**
     * Why {@code address} is not a usable overlay target on the peer, or empty when it is. An address outside
     * the flannel Network, or inside the source's own docker0 subnet (both nodes on docker's default
     * 172.17.0.0/16), would be answered locally and prove nothing about the overlay.
     */
    public Optional<String> whyNotOverlayTarget(String what, String address) {
        Cidr net = Cidr.parse(lab.flannel().network());
        Optional<Cidr> target = Cidr.tryParseAddressOrCidr(address);
        if (target.isEmpty() || !net.contains(target.get())) {
            return Optional.of(to.name() + "'s " + what + " " + address + " is outside the flannel network " + net
                    + " (see " + to.name() + "'s docker0-subnet)");
        }
        Optional<Cidr> own = from.docker0();
        if (own.isPresent() && own.get().normalized().contains(target.get())) {
            return Optional.of(to.name() + "'s " + what + " " + address + " is inside " + from.name() + "'s own docker0 subnet "
                    + own.get().normalized() + ": the ping would stay on " + from.name());
        }
        return Optional.empty();
    }
}
