package dev.overlaylab.diagnose.rule;

import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Excerpt;
import dev.overlaylab.diagnose.FailureMode;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.NodeObservation;
import dev.overlaylab.diagnose.Observer;
import dev.overlaylab.diagnose.Rule;
import dev.overlaylab.diagnose.UnitState;
import dev.overlaylab.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * #13: flanneld is not running on a node (stopped, disabled, failed, crash-looping), quoted with systemd's
 * state and the last error lines of its journal, whose reason becomes part of the cause. When etcd's own
 * rows (#5, #6) already explain it (flanneld enabled and retrying, kept from etcd or its config) those nodes
 * are theirs and this finding leaves them out: one cause, one finding.
 */
public final class FlanneldDownRule implements Rule {

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        return apply(ctx, Set.of());
    }

    /** @param found ids already found: with {@code etcd-localhost} or {@code etcd-api-mismatch}, a flanneld still enabled is theirs */
    public Optional<Finding> apply(DiagnosisContext ctx, Set<String> found) {
        boolean etcdExplains = found.contains(FailureMode.ETCD_LOCALHOST.id()) || found.contains(FailureMode.ETCD_API_MISMATCH.id());
        List<Excerpt> evidence = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Node n : ctx.lab().nodes()) {
            Optional<NodeObservation> o = ctx.obs().node(n.name());
            Optional<UnitState> unit = o.flatMap(x -> x.unit("flanneld"));
            boolean down = unit.map(u -> !u.active()).orElse(ctx.failed("flanneld-active", n));
            if (!down || (etcdExplains && unit.map(UnitState::enabled).orElse(true))) {
                continue;
            }
            names.add(n.name());
            unit.ifPresentOrElse(u -> evidence.add(new Excerpt(n.name(), "systemctl show flanneld", u.describe())),
                    () -> ctx.nodeLine("flanneld-active", n).ifPresent(l -> evidence.add(Excerpt.line(l))));
            String journal = o.map(x -> x.section(Observer.JOURNAL)).filter(p -> p.ok()).map(p -> p.stdout().strip()).orElse("");
            if (!journal.isEmpty()) {
                evidence.add(new Excerpt(n.name(), "journalctl -u flanneld (last error lines)", journal));
            }
            reasons.add(reason(unit, journal));
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        String on = String.join(", ", names);
        return Optional.of(Finding.of(FailureMode.FLANNELD_DOWN, "flanneld is not running on " + on + ": " + String.join("; ", reasons),
                evidence, "remove the reason the journal gives, then on " + on
                        + ": systemctl enable --now flanneld && systemctl restart docker (olab up does both)"));
    }

    /** The journal's own reason in a few words, or what systemd's state says when the journal has none. */
    static String reason(Optional<UnitState> unit, String journal) {
        String j = journal.toLowerCase(java.util.Locale.ROOT);
        if (j.contains("connection refused") || j.contains("context deadline exceeded") || j.contains("no route to host")) {
            return "etcd unreachable: " + lastLine(journal);
        }
        if (j.contains("key not found") || j.contains("config not found") || j.contains("couldn't fetch network config")) {
            return "no network config in etcd: " + lastLine(journal);
        }
        if (j.contains("interface") && (j.contains("not found") || j.contains("failed to find"))) {
            return "its interface is missing: " + lastLine(journal);
        }
        if (!journal.isBlank() && !unit.map(UnitState::active).orElse(false) && unit.map(u -> u.get("ActiveState").equals("failed")
                || u.get("ActiveState").equals("activating")).orElse(true)) {
            return lastLine(journal);
        }
        return unit.map(u -> u.get("UnitFileState").equals("disabled") ? "stopped and disabled (not a crash: systemd stopped it)"
                : "stopped (not a crash: systemd stopped it)").orElse("not active");
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().filter(l -> !l.startsWith("flanneld.service:")).toList();
        String l = lines.isEmpty() ? text.strip().lines().reduce((a, b) -> b).orElse("") : lines.get(lines.size() - 1);
        return l.length() > 160 ? l.substring(0, 160) + "…" : l;
    }
}
