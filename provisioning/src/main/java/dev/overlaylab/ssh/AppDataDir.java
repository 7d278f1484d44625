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

    public static Path resolve() {
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
