package dev.overlaylab.engine.steps;

import dev.overlaylab.engine.NodeRun;
import java.util.List;

/** The systemctl command lines the steps run, in one place (so tests and fakes agree on them). */
public final class Systemd {
    private Systemd() {
    }

    public static String isActive(String unit) {
        return "systemctl is-active --quiet " + unit;
    }

    public static String isEnabled(String unit) {
        return "systemctl is-enabled --quiet " + unit;
    }

    /**
     * Both states in one exec, whatever they are: prints the exit codes of {@code is-enabled} and {@code is-active}
     * (0 = enabled / active), e.g. {@code "1 3"} for a disabled, stopped unit. Read with {@link #unitState}.
     */
    public static String enabledAndActiveCodes(String unit) {
        return isEnabled(unit) + "; e=$?; " + isActive(unit) + "; echo \"$e $?\"";
    }

    /** A unit's two states, as {@link #enabledAndActiveCodes} answered. */
    record UnitState(boolean enabled, boolean active) {
        /** Both false when the answer cannot be read. */
        static UnitState of(String printed) {
            String[] codes = printed.strip().split(" ");
            return codes.length != 2 ? new UnitState(false, false) : new UnitState(codes[0].equals("0"), codes[1].equals("0"));
        }
    }

    /**
     * A deliberate (re)start, after clearing the unit's failed state and its start rate-limit counter (one exec; the exit
     * code is the start's).
     */
    public static String freshly(String action, String unit) {
        return resetFailed(unit) + " >/dev/null 2>&1; systemctl " + action + " " + unit;
    }

    /**
     * A start again after a start that failed on evidence of a passing cause ({@code ServicesStep}): a short wait
     * first, then {@code stop}, which also cancels the start systemd itself has scheduled (flanneld's and docker's
     * units say {@code Restart=on-failure}, and a plain {@code start} waited for that job: 5 s, {@code RestartSec}).
     */
    public static String startAgain(String unit, int waitMillis) {
        return String.format(java.util.Locale.ROOT, "sleep %.1f; systemctl stop %s; %s", waitMillis / 1000.0, unit, freshly("start", unit));
    }

    public static String restart(String unit) {
        return "systemctl restart " + unit;
    }

    public static String stop(String unit) {
        return "systemctl stop " + unit;
    }

    /** Clears a unit's failed state and its start rate-limit counter. */
    public static String resetFailed(String unit) {
        return "systemctl reset-failed " + unit;
    }

    /**
     * Makes the unit start at boot, without systemctl's implicit daemon-reload (300–440 ms on a lab node,
     * against 20–26 ms, measured under load 6; a cold up enables 3–4 units per node). The reload is not
     * needed: the running manager already knows the unit (the daemon-reload step ran after its file was
     * written), and the new {@code WantedBy} link only matters at the next boot, which reads the disk.
     *
     * <p>{@code SYSTEMCTL_SKIP_SYSV=1}: Debian's etcd and docker.io also ship an {@code /etc/init.d} script, and
     * for such a unit systemctl runs {@code systemd-sysv-install enable}, whose {@code update-rc.d} reloads
     * systemd twice whatever {@code --no-reload} says (two "Reloading." in the node's journal per enable, 0.34 s
     * on a quiet lab node, on the critical path of the etcd and docker stages). The rc.d links it keeps in step
     * only matter to a machine booted with SysV init, and systemd ignores an init script that has a native unit.
     */
    public static String enable(String unit) {
        return "SYSTEMCTL_SKIP_SYSV=1 systemctl enable --no-reload " + unit;
    }

    /**
     * Each unit's load state, the files systemd read it from, and whether they changed on disk since (loads a unit not
     * loaded yet).
     */
    public static String loadState(List<String> units) {
        return "systemctl show -p Id -p LoadState -p FragmentPath -p DropInPaths -p NeedDaemonReload -- "
                + String.join(" ", units.stream().map(dev.overlaylab.exec.Commands::quote).toList());
    }

    /**
     * True when the answer to {@link #loadState} shows every unit of {@code files} {@code LoadState=loaded} and
     * {@code NeedDaemonReload=no}, read from each of those files: its {@code FragmentPath} or one of its
     * {@code DropInPaths}. Anything else (a unit not found, a missing property or unit) is false.
     *
     * <p>{@code NeedDaemonReload=no} alone is not enough: systemd 252 keeps a list of the unit directories' contents
     * from its last reload, so for a unit it already holds (docker.service on a machine where docker runs or its socket
     * is loaded) a drop-in <em>directory</em> created since is invisible, and the answer is {@code no} with
     * {@code DropInPaths=} empty. Restarted so, docker ran without flannel's {@code --bip}. Recorded on a lab node.
     */
    static boolean readsAll(String show, List<NodeRun.UnitFile> files) {
        java.util.Map<String, List<String>> blocks = new java.util.HashMap<>();
        for (String block : show.strip().split("\\R\\s*\\R")) {
            List<String> lines = block.lines().map(String::strip).toList();
            lines.stream().filter(l -> l.startsWith("Id=")).findFirst().ifPresent(id -> blocks.put(id.substring(3), lines));
        }
        for (NodeRun.UnitFile f : files) {
            List<String> lines = blocks.get(f.unit());
            if (lines == null || !lines.contains("LoadState=loaded") || !lines.contains("NeedDaemonReload=no")) {
                return false;
            }
            boolean read = lines.contains("FragmentPath=" + f.path()) || lines.stream()
                    .filter(l -> l.startsWith("DropInPaths=")).anyMatch(l -> List.of(l.substring(12).split(" ")).contains(f.path()));
            if (!read) {
                return false;
            }
        }
        return true;
    }

    public static String daemonReload() {
        return "systemctl daemon-reload";
    }

    /** The last lines of a unit's journal: the evidence when it will not start. */
    public static String journal(String unit) {
        return "journalctl -u " + unit + " -n 20 --no-pager";
    }
}
