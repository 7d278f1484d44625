package dev.overlaylab.ssh;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Overlay Lab keeps per-user state: {@code $XDG_DATA_HOME/overlay-lab}, by default
 * {@code ~/.local/share/overlay-lab}. Lab key pairs and the app's own known_hosts live here, never in
 * {@code ~/.ssh}, so the lab never changes the person's own SSH setup.
 */
public final class AppDataDir {
    private AppDataDir() {
    }

    /**
     * The system property that names the folder outright. The desktop app sets it (through its
     * launcher's {@code --data-dir}) for the {@code olab} it runs as root on the person's behalf, so
     * the lab keys that root makes are the person's, and the app reaches the nodes afterwards.
     */
    public static final String PROPERTY = "olab.dataDir";

    public static Path resolve() {
        String named = System.getProperty(PROPERTY, "");
        if (!named.isBlank() && Path.of(named).isAbsolute()) {
            return Path.of(named);
        }
        return resolve(System.getenv(), System.getProperty("user.home"));
    }

    static Path resolve(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "overlay-lab");
        }
        return Path.of(userHome, ".local", "share", "overlay-lab");
    }

    /** The folder holding one lab's key pair. */
    public static Path labDir(Path dataDir, String labName) {
        return dataDir.resolve("labs").resolve(labName);
    }

    /** The app's own known_hosts file. */
    public static Path knownHosts(Path dataDir) {
        return dataDir.resolve("known_hosts");
    }
}
