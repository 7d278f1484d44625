package dev.overlaylab.verify.kube;

import dev.overlaylab.model.Node;
import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code k8s-pod-http}, one per ordered pair: from this node's verify pod (its network namespace, as made by
 * kubelet and the CNI plugin) a page from the peer node's verify pod, across the overlay.
 */
public final class PodHttpAcrossCheck implements KubeCheck {

    @Override
    public String id() {
        return "k8s-pod-http";
    }

    @Override
    public List<CheckResult> check(KubeContext ctx) {
        String n = ctx.node().name();
        List<CheckResult> out = new ArrayList<>();
        Optional<ClusterFacts.KubePod> mine = ctx.pod().filter(p -> !p.ip().isEmpty());
        for (Node peer : ctx.peers()) {
            String peerIp = ctx.podIps().getOrDefault(peer.name(), "");
            CheckResult r;
            if (mine.isEmpty()) {
                r = CheckResult.skip(id(), n, n + " has no verify pod with an address (see its k8s-pod)");
            } else if (peerIp.isEmpty()) {
                r = CheckResult.skip(id(), n, peer.name() + " has no verify pod with an address (see its k8s-pod)");
            } else if (ctx.seen().podNetns().isEmpty()) {
                r = CheckResult.fail(id(), n, "no network namespace on " + n + " holds its pod's address " + mine.get().ip()
                        + " (ip netns list)", List.of(ctx.seen().probe().evidence()));
            } else {
                List<NodeKubeFacts.Attempt> tries = ctx.seen().of("pod", peerIp);
                boolean ok = !tries.isEmpty() && tries.stream().allMatch(NodeKubeFacts.Attempt::answered);
                String seen = tries.isEmpty() ? "no request was made" : tries.get(0).exit() == 0 ? tries.get(0).output()
                        : "(exit " + tries.get(0).exit() + ") " + tries.get(0).output();
                r = CheckResult.of(ok, id(), n, "GET http://" + peerIp + ":" + VerifyWorkload.POD_PORT + "/ from pod " + mine.get().ip()
                        + (ok ? " answered \"" + seen + "\"" : " failed: " + seen), List.of(new Evidence(
                        "ip netns exec " + ctx.seen().podNetns().get() + " curl -sS -m " + NodeScript.REQUEST_SECONDS + " http://" + peerIp
                                + ":" + VerifyWorkload.POD_PORT + "/index.html", seen)));
            }
            out.add(r.withPeer(peer.name()).withDuration(ctx.seen().probe().took()));
        }
        return out;
    }
}
