package dev.overlaylab.diagnose.rule;

import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.Rule;
import dev.overlaylab.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * #5: etcd listens on 127.0.0.1 only, so every flanneld (which dials the host-only address) is refused.
 * Seen in {@code ss -ltn} on the master: the client port bound to loopback and nothing else.
 */
public final class EtcdLoopbackOnlyRule implements Rule {

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        var probe = ctx.obs().etcdListeners();
        if (probe.isEmpty() || !probe.get().ok()) {
            return Optional.empty();
        }
        String port = ":" + ctx.lab().etcd().clientPort();
        List<String> lines = new ArrayList<>();
        boolean reachable = false;
        for (String line : probe.get().stdout().split("\n")) {
            String[] w = line.strip().split("\\s+");
            if (w.length < 4 || !w[0].equals("LISTEN") || !w[3].endsWith(port)) {
                continue;
            }
            String addr = w[3].substring(0, w[3].length() - port.length());
            lines.add(line.strip());
            if (!(addr.startsWith("127.") || addr.equals("[::1]"))) {
                reachable = true;
            }
        }
        if (lines.isEmpty() || reachable) {
            return Optional.empty();
        }
        Node master = ctx.lab().master();
        List<String> evidence = new ArrayList<>();
        evidence.add(master.name() + ": etcd listens only on loopback (ss -ltn):");
        lines.forEach(l -> evidence.add("  " + l));
        ctx.nodeLine("etcd-health", master).ifPresent(evidence::add);
        for (Node n : ctx.lab().nodes()) {
            if (!ctx.active(n, "flanneld")) {
                ctx.nodeLine("flanneld-active", n).ifPresent(evidence::add);
            }
        }
        String url = "http://" + master.ip() + ":" + ctx.lab().etcd().clientPort();
        return Optional.of(Finding.mode(5, "etcd on " + master.name() + " listens on 127.0.0.1 only; flanneld cannot reach it at " + url,
                evidence, "in /etc/default/etcd set ETCD_LISTEN_CLIENT_URLS=\"" + url + ",http://127.0.0.1:"
                        + ctx.lab().etcd().clientPort() + "\" and ETCD_ADVERTISE_CLIENT_URLS=\"" + url
                        + "\", restart etcd, then flanneld on every node"));
    }
}
