package dev.overlaylab.app.engine;

import dev.overlaylab.ssh.AppDataDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The launcher's {@code --data-dir DIR COMMAND...}: {@code olab} run as root for a person (by the
 * app through pkexec or sudo, {@link PrivilegedOlab}) keeps the lab keys and known hosts in that
 * person's folder, and afterwards hands what it made there to them (pkexec says who in
 * {@code PKEXEC_UID}, sudo in {@code SUDO_UID}). Without it, root's lab key would sit in
 * {@code /root}, and the app, running as the person, could not log in to the nodes it just made.
 */
public final class OnBehalf {
    public static final String DATA_DIR_OPTION = "--data-dir";

    private final Path dataDir;
    private final Optional<Integer> uid;

    private OnBehalf(Path dataDir, Optional<Integer> uid) {
        this.dataDir = dataDir;
        this.uid = uid;
    }

    /**
     * When {@code args} starts with {@code --data-dir DIR}: sets the data folder for this run and
     * returns the rest; otherwise {@code args} as they are. A relative DIR is refused (exit 2 by the caller).
     */
    public static Optional<OnBehalf> from(String[] args, Map<String, String> env) {
        if (args.length < 2 || !DATA_DIR_OPTION.equals(args[0])) {
            return Optional.empty();
        }
        Path dir = Path.of(args[1]);
        if (!dir.isAbsolute()) {
            throw new IllegalArgumentException(DATA_DIR_OPTION + " needs an absolute folder, not " + args[1]);
        }
        return Optional.of(new OnBehalf(dir, invokingUid(env)));
    }

    /** The person root runs for: pkexec's PKEXEC_UID, else sudo's SUDO_UID; never root itself. */
    static Optional<Integer> invokingUid(Map<String, String> env) {
        for (String name : new String[] {"PKEXEC_UID", "SUDO_UID"}) {
            try {
                int uid = Integer.parseInt(env.getOrDefault(name, "").strip());
                if (uid > 0) {
                    return Optional.of(uid);
                }
            } catch (NumberFormatException e) {
                // not set, or not a number: try the next
            }
        }
        return Optional.empty();
    }

    public static String[] rest(String[] args) {
        return Arrays.copyOfRange(args, 2, args.length);
    }

    /** Points this process's data folder ({@link AppDataDir}) at the person's. */
    public void apply() {
        System.setProperty(AppDataDir.PROPERTY, dataDir.toString());
    }

    Path dataDir() {
        return dataDir;
    }

    /**
     * Gives the person back what root made in their folder: every file and folder there owned by
     * root becomes theirs. Links are never followed (the folder is theirs, so it may hold links to
     * anywhere); the group stays (the private key is 0600 either way).
     */
    public void handOver() {
        if (uid.isEmpty() || !Files.isDirectory(dataDir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dataDir)) {   // walk does not follow links
            for (Path p : (Iterable<Path>) all::iterator) {
                if (((Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)) == 0) {
                    Files.setAttribute(p, "unix:uid", uid.get(), LinkOption.NOFOLLOW_LINKS);
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            System.err.println("olab: could not give " + dataDir + " back to user " + uid.get() + " (" + e.getMessage()
                    + "); fix: sudo chown -R " + uid.get() + " " + dataDir);
        }
    }
}
