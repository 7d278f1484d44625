package dev.overlaylab.provider.virtualbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the {@code VBoxManage} program: on PATH first, then where the VirtualBox installers put it
 * on each OS (the Windows installer does not add itself to PATH, the macOS one links it into
 * /usr/local/bin only sometimes).
 */
public final class VBoxManageLocator {
    private final HostOs os;
    private final Map<String, String> env;
    private final Predicate<Path> executable;

    public VBoxManageLocator(HostOs os, Map<String, String> env, Predicate<Path> executable) {
        this.os = os;
        this.env = Map.copyOf(env);
        this.executable = executable;
    }

    public static VBoxManageLocator forThisMachine() {
        return new VBoxManageLocator(HostOs.current(), System.getenv(), p -> Files.isRegularFile(p) && Files.isExecutable(p));
    }

    /** Every place looked at, in order. */
    public List<Path> candidates() {
        String exe = os == HostOs.WINDOWS ? "VBoxManage.exe" : "VBoxManage";
        LinkedHashSet<Path> out = new LinkedHashSet<>();
        String path = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
        String sep = os == HostOs.WINDOWS ? ";" : ":";
        for (String dir : path.split(sep)) {
            if (!dir.isBlank()) {
                out.add(Path.of(dir, exe));
                if (os != HostOs.WINDOWS) {
                    out.add(Path.of(dir, "vboxmanage"));
                }
            }
        }
        switch (os) {
            case WINDOWS -> {
                for (String var : List.of("VBOX_MSI_INSTALL_PATH", "VBOX_INSTALL_PATH")) {
                    String dir = env.get(var);
                    if (dir != null && !dir.isBlank()) {
                        // VBOX_INSTALL_PATH may hold several folders separated by ';'
                        for (String d : dir.split(";")) {
                            if (!d.isBlank()) {
                                out.add(Path.of(d, exe));
                            }
                        }
                    }
                }
                String pf = env.getOrDefault("ProgramFiles", "C:\\Program Files");
                out.add(Path.of(pf, "Oracle", "VirtualBox", exe));
            }
            case MACOS -> {
                out.add(Path.of("/Applications/VirtualBox.app/Contents/MacOS/VBoxManage"));
                out.add(Path.of("/usr/local/bin/VBoxManage"));
            }
            default -> {
                out.add(Path.of("/usr/bin/VBoxManage"));
                out.add(Path.of("/usr/lib/virtualbox/VBoxManage"));
                out.add(Path.of("/opt/VirtualBox/VBoxManage"));
            }
        }
        return new ArrayList<>(out);
    }

    public Optional<Path> find() {
        return candidates().stream().filter(executable).findFirst();
    }

    /** The VBoxManage path, or an error that lists where it was looked for and how to install it. */
    public Path require() {
        return find().orElseThrow(() -> new VirtualBoxUnavailableException(notFoundMessage()));
    }

    String notFoundMessage() {
        StringBuilder sb = new StringBuilder("VirtualBox is not installed here: no VBoxManage program was found.\n  looked on PATH and in:");
        candidates().stream()
                .filter(p -> !isOnPath(p))
                .forEach(p -> sb.append("\n    ").append(p));
        sb.append("\n  fix: install VirtualBox ").append(VBoxVersion.MINIMUM.family())
                .append(" or newer (https://www.virtualbox.org/wiki/Downloads)");
        if (os == HostOs.WINDOWS) {
            sb.append(", or set VBOX_MSI_INSTALL_PATH to the folder that holds VBoxManage.exe");
        } else {
            sb.append(", or put the folder that holds VBoxManage on PATH");
        }
        sb.append(";\n       or use the 'local' provider (systemd-nspawn nodes) which needs no VirtualBox.");
        return sb.toString();
    }

    private boolean isOnPath(Path p) {
        String path = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
        Path parent = p.getParent();
        if (parent == null) {
            return false;
        }
        for (String dir : path.split(os == HostOs.WINDOWS ? ";" : ":")) {
            if (!dir.isBlank() && Path.of(dir).equals(parent)) {
                return true;
            }
        }
        return false;
    }
}
