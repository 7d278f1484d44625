package dev.overlaylab.engine;

import dev.overlaylab.node.NodeLayout;
import dev.overlaylab.render.RenderedFile;
import dev.overlaylab.ssh.NodeShell;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a run still owes one node: units to restart because a file they read changed, and a
 * pending {@code systemctl daemon-reload}. Kept on the node itself ({@value NodeLayout#PENDING_FILE} by default) and
 * written before the file that causes it, so a run that stops between writing a file and restarting
 * its reader is finished by the next {@code up} instead of leaving the old config running.
 */
public final class NodeRun {
    private static final String RELOAD = "daemon-reload";

    private final NodeShell shell;
    private final String file;
    private final Set<String> pending = new LinkedHashSet<>();
    private final List<String> restarted = new ArrayList<>();
    private boolean loaded;

    NodeRun(NodeShell shell, String file) {
        this.shell = shell;
        this.file = file;
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        shell.read(file).ifPresent(b -> new String(b, StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(s -> !s.isEmpty()).forEach(pending::add));
    }

    /** Records, on the node, what must follow a change to {@code file}; call before writing it. */
    public void willChange(RenderedFile file) {
        load();
        boolean grew = false;
        if (file.systemdUnit().isPresent()) {
            grew |= pending.add(RELOAD + " " + file.systemdUnit().get() + " " + file.path());
        }
        for (String unit : file.restarts()) {
            grew |= pending.add("restart " + unit);
        }
        if (grew) {
            save();
        }
    }

    /** Records, on the node, that {@code unit} must restart though none of its files changed (e.g. a replaced etcd config). */
    public void oweRestart(String unit) {
        load();
        if (pending.add("restart " + unit)) {
            save();
        }
    }

    public boolean daemonReloadPending() {
        load();
        return pending.stream().anyMatch(NodeRun::isReload);
    }

    /** A unit file or drop-in written since the last reload, and the unit it belongs to. */
    public record UnitFile(String unit, String path) {
    }

    /**
     * The unit files and drop-ins written since the last reload, or empty when a reload is owed for files not named
     * (a pending file written by an older version says only {@value #RELOAD}, or {@value #RELOAD} and a unit): then
     * only a reload will do.
     */
    public java.util.Optional<List<UnitFile>> reloadFiles() {
        load();
        List<UnitFile> files = new ArrayList<>();
        for (String line : pending) {
            if (isReload(line)) {
                String[] words = line.split(" ", 3);
                if (words.length < 3) {
                    return java.util.Optional.empty();
                }
                files.add(new UnitFile(words[1], words[2]));
            }
        }
        return java.util.Optional.of(files);
    }

    /** The reload was made, or systemd already reads every changed file: none is owed any more. */
    public void daemonReloaded() {
        load();
        if (pending.removeIf(NodeRun::isReload)) {
            save();
        }
    }

    private static boolean isReload(String line) {
        return line.equals(RELOAD) || line.startsWith(RELOAD + " ");
    }

    public boolean restartPending(String unit) {
        load();
        return pending.contains("restart " + unit);
    }

    /** The unit was restarted (or started): nothing is owed for it any more. */
    public void restarted(String unit) {
        load();
        restarted.add(unit);
        if (pending.remove("restart " + unit)) {
            save();
        }
    }

    /** Units restarted or started during this run, in order. */
    public List<String> restartedUnits() {
        return List.copyOf(restarted);
    }

    private void save() {
        if (pending.isEmpty()) {
            shell.exec("rm -f " + dev.overlaylab.exec.Commands.quote(file)).orThrow();
        } else {
            shell.write(file, (String.join("\n", pending) + "\n").getBytes(StandardCharsets.UTF_8), 0600, "root");
        }
    }
}
