package dev.overlaylab.diagnose;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A named cause of failed checks.
 *
 * @param id       the stable id: a {@link FailureMode#id()}, or {@link FailureMode#UNEXPLAINED}
 * @param cause    one short line: what is wrong
 * @param excerpts what was seen that shows it (node, command, the lines that matter)
 * @param fix      what to do about it
 * @param repair   whether and how {@code olab diagnose --fix} can apply the fix
 */
public record Finding(String id, String cause, List<Excerpt> excerpts, String fix, Repair repair) {

    /** Rows whose broken part the lab itself made: {@code up} renders it again and restarts what reads it. */
    private static final Set<FailureMode> UP_REPAIRS = Set.of(FailureMode.NAT_IFACE, FailureMode.MTU_MISMATCH,
            FailureMode.FORWARD_DROP, FailureMode.ETCD_LOCALHOST, FailureMode.ETCD_API_MISMATCH,
            FailureMode.DOCKER_BEFORE_FLANNEL, FailureMode.STALE_LEASE, FailureMode.FLANNELD_DOWN, FailureMode.CLUSTERIP_UNREACHABLE);

    public Finding {
        excerpts = List.copyOf(excerpts);
    }

    public static Finding of(FailureMode mode, String cause, List<Excerpt> excerpts, String fix) {
        return new Finding(mode.id(), cause, excerpts, fix, UP_REPAIRS.contains(mode) ? Repair.ENGINE : Repair.NONE);
    }

    /** A catalogued cause whose evidence is written as one line per fact. */
    public static Finding mode(int row, String cause, List<String> evidence, String fix) {
        return of(FailureMode.ofRow(row), cause, evidence.stream().map(Excerpt::line).toList(), fix);
    }

    public static Finding unexplained(String cause, List<Excerpt> excerpts, String fix) {
        return new Finding(FailureMode.UNEXPLAINED, cause, excerpts, fix, Repair.NONE);
    }

    public Finding withRepair(Repair r) {
        return new Finding(id, cause, excerpts, fix, r);
    }

    public Optional<FailureMode> mode() {
        return FailureMode.ofId(id);
    }

    /** The FAILURE-MODES.md row, empty for the unexplained finding. */
    public OptionalInt failureMode() {
        return mode().map(m -> OptionalInt.of(m.row())).orElse(OptionalInt.empty());
    }

    /** The evidence as lines for people. */
    public List<String> evidence() {
        return excerpts.stream().map(Excerpt::describe).toList();
    }

    public boolean fixable() {
        return repair.fixable();
    }
}
