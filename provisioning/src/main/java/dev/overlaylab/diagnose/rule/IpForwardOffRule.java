package dev.overlaylab.diagnose.rule;

import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Excerpt;
import dev.overlaylab.diagnose.FailureMode;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.NodeObservation;
import dev.overlaylab.diagnose.Observer;
import dev.overlaylab.diagnose.Repair;
import dev.overlaylab.diagnose.Rule;
import dev.overlaylab.model.Node;
import dev.overlaylab.verify.Probe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * #14: IP forwarding is off on a node ({@code net.ipv4.ip_forward = 0}, often a hardening sysctl file): the
 * node still answers pings, but nothing crosses between docker0 and the overlay. Read straight from
 * {@code sysctl}; the files that set it are quoted so the person finds which one to change.
 */
public final class IpForwardOffRule implements Rule {
    /** Sorts after the usual hardening files, so the setting survives a reboot and a {@code sysctl --system}. */
    public static final String DROP_IN = "/etc/sysctl.d/99-overlay-lab-ip-forward.conf";

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        List<Excerpt> evidence = new ArrayList<>();
        Map<String, List<String>> fixes = new LinkedHashMap<>();
        for (Node n : ctx.lab().nodes()) {
            Optional<NodeObservation> o = ctx.obs().node(n.name());
            if (o.isEmpty()) {
                continue;
            }
            Probe p = o.get().section(Observer.IP_FORWARD);
            if (!p.ok() || !p.stdout().strip().equals("0")) {
                continue;
            }
            evidence.add(new Excerpt(n.name(), "sysctl net.ipv4.ip_forward", "net.ipv4.ip_forward = 0"));
            Probe files = o.get().section(Observer.SYSCTL_FILES);
            List<String> zero = files.stdout().lines().filter(l -> l.replace(" ", "").matches(".*ip_forward=0.*")).toList();
            if (!zero.isEmpty()) {
                evidence.add(new Excerpt(n.name(), "grep -r ip_forward /etc/sysctl.conf /etc/sysctl.d …", String.join("\n", zero)));
            }
            fixes.put(n.name(), List.of("sysctl -w net.ipv4.ip_forward=1",
                    "printf 'net.ipv4.ip_forward = 1\\n' > " + DROP_IN));
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        for (Node[] p : ctx.pairs()) {
            if (ctx.pairFailed("pod-ping", p[0], p[1]) && (fixes.containsKey(p[0].name()) || fixes.containsKey(p[1].name()))) {
                ctx.pairLine("pod-ping", p[0], p[1]).ifPresent(l -> evidence.add(Excerpt.line(l)));
            }
        }
        String nodes = String.join(", ", fixes.keySet());
        return Optional.of(Finding.of(FailureMode.IP_FORWARD_OFF, "IP forwarding is off on " + nodes
                        + " (net.ipv4.ip_forward=0): nothing crosses between docker0 and the overlay", evidence,
                "on " + nodes + ": sysctl -w net.ipv4.ip_forward=1, and keep it with " + DROP_IN
                        + " (net.ipv4.ip_forward = 1), or remove the line that sets it to 0")
                .withRepair(Repair.force(fixes)));
    }
}
