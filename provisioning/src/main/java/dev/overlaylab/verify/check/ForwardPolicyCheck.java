package dev.overlaylab.verify.check;

import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.ForwardChain;
import java.util.List;

/**
 * {@code forward-policy}: forwarded overlay traffic is not dropped. docker ≥ 1.13 sets the FORWARD policy
 * to DROP; then an ACCEPT rule for the flannel Network (flanneld's FLANNEL-FWD, or the seeds' explicit
 * rule) must exist, or packets reach the peer node and never its containers.
 */
public final class ForwardPolicyCheck implements NodeCheck {

    @Override
    public String id() {
        return "forward-policy";
    }

    @Override
    public CheckResult check(NodeContext ctx) {
        var probe = ctx.facts().forward();
        var ev = List.of(probe.evidence());
        if (!probe.ok()) {
            return CheckResult.fail(id(), ctx.node(), "could not read the FORWARD chain", ev).withDuration(probe.took());
        }
        ForwardChain chain = ForwardChain.parse(probe.stdout());
        var net = ctx.flannelNetwork();
        String summary;
        if (!chain.dropsByDefault()) {
            summary = "FORWARD policy " + chain.policy();
        } else if (chain.acceptRuleFor(net).isPresent()) {
            summary = "FORWARD policy " + chain.policy() + ", " + net + " accepted by: " + chain.acceptRuleFor(net).get();
        } else {
            summary = "FORWARD policy " + chain.policy() + " and no ACCEPT rule for " + net;
        }
        return CheckResult.of(chain.lets(net), id(), ctx.node(), summary, ev).withDuration(probe.took());
    }
}
