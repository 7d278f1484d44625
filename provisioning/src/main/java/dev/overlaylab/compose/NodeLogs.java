package dev.overlaylab.compose;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.ssh.NodeShell;
import dev.overlaylab.ssh.NodeShellFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A node's service logs, read from its journal over the lab's SSH shell: the lab's own units (etcd
 * where it runs, flanneld, docker) and any {@code kube*} unit the node has. Bounded: at most
 * {@link #MAX_LINES} lines, each call at most {@link #TIMEOUT}.
 */
public final class NodeLogs {
    public static final int MAX_LINES = 2000;
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9@._-]+");

    private final NodeShellFactory shells;

    public NodeLogs(NodeShellFactory shells) {
        this.shells = shells;
    }

    /** The units to offer for {@code node}: etcd (on etcd members), flanneld, docker, then the node's kube* units. */
    public List<String> units(Lab lab, Node node) {
        List<String> out = new ArrayList<>(labUnits(lab, node.name()));
        try (NodeShell sh = shells.open(lab, node)) {
            out.addAll(kubeUnits(sh.exec(KUBE_UNITS, TIMEOUT).stdout()));
        }
        return out;
    }

    static List<String> labUnits(Lab lab, String node) {
        List<String> out = new ArrayList<>();
        if (lab.etcdNodes().stream().anyMatch(e -> e.name().equals(node))) {
            out.add("etcd");
        }
        out.add("flanneld");
        out.add("docker");
        return out;
    }

    /** Every kube* service unit the node knows, loaded or not running. */
    static final String KUBE_UNITS = "systemctl list-unit-files --no-legend --no-pager --type=service 'kube*' 2>/dev/null";

    static List<String> kubeUnits(String listUnitFiles) {
        return listUnitFiles.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+")[0])
                .filter(u -> u.endsWith(".service")).map(u -> u.substring(0, u.length() - ".service".length()))
                .filter(u -> UNIT.matcher(u).matches()).distinct().toList();
    }

    /** The last {@code lines} lines of {@code unit}'s journal on {@code node} (oldest first). */
    public String journal(Lab lab, Node node, String unit, int lines) {
        try (NodeShell sh = shells.open(lab, node)) {
            ExecResult r = sh.exec(command(unit, lines), TIMEOUT);
            if (!r.ok()) {
                throw new IllegalStateException("the journal of " + unit + " on " + node.name() + " could not be read: "
                        + (r.stderr().isBlank() ? "exit " + r.exitCode() : r.stderr().strip()));
            }
            return r.stdout();
        }
    }

    static String command(String unit, int lines) {
        if (!UNIT.matcher(unit).matches()) {
            throw new IllegalArgumentException("not a unit name: " + unit);
        }
        int n = Math.max(1, Math.min(MAX_LINES, lines));
        return "journalctl --no-pager -o short-iso -n " + n + " -u " + unit + ".service";
    }
}
