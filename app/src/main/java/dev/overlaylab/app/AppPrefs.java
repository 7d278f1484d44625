package dev.overlaylab.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The few things the app remembers between runs: theme, recent labs, last folder. Stored with
 * java.util.prefs; {@code -Dolab.prefs=NODE} points tests at a throwaway node.
 */
public final class AppPrefs {
    public enum Theme { SYSTEM, LIGHT, DARK }

    static final int MAX_RECENT = 8;
    private static final String THEME = "theme";
    private static final String RECENT = "recentLabs";
    private static final String LAST_DIR = "lastDirectory";
    private static final String MACHINE_CHECK_SEEN = "machineCheckSeen";

    private final Preferences node;

    public AppPrefs(Preferences node) {
        this.node = node;
    }

    public static AppPrefs forUser() {
        return new AppPrefs(Preferences.userRoot().node(System.getProperty("olab.prefs", "dev/overlaylab/app")));
    }

    public Theme theme() {
        try {
            return Theme.valueOf(node.get(THEME, Theme.SYSTEM.name()));
        } catch (IllegalArgumentException e) {
            return Theme.SYSTEM;
        }
    }

    public void setTheme(Theme t) {
        node.put(THEME, t.name());
        flush();
    }

    /** Whether the start screen has shown this machine's full readiness report once. */
    public boolean machineCheckSeen() {
        return node.getBoolean(MACHINE_CHECK_SEEN, false);
    }

    public void setMachineCheckSeen() {
        node.putBoolean(MACHINE_CHECK_SEEN, true);
        flush();
    }

    /** Recent lab files, newest first. */
    public List<Path> recentLabs() {
        String v = node.get(RECENT, "");
        return v.isBlank() ? List.of() : Arrays.stream(v.split("\n")).map(Path::of).toList();
    }

    public void addRecent(Path lab) {
        List<Path> list = new ArrayList<>(recentLabs());
        Path abs = lab.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        while (list.size() > MAX_RECENT) {
            list.remove(list.size() - 1);
        }
        setRecent(list);
    }

    public void removeRecent(Path lab) {
        List<Path> list = new ArrayList<>(recentLabs());
        list.remove(lab);
        setRecent(list);
    }

    private void setRecent(List<Path> list) {
        node.put(RECENT, String.join("\n", list.stream().map(Path::toString).toList()));
        flush();
    }

    public Optional<Path> lastDirectory() {
        String v = node.get(LAST_DIR, "");
        return v.isEmpty() ? Optional.empty() : Optional.of(Path.of(v));
    }

    public void setLastDirectory(Path dir) {
        node.put(LAST_DIR, dir.toString());
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Preferences are a convenience: losing them must never stop the person's work.
        }
    }
}
