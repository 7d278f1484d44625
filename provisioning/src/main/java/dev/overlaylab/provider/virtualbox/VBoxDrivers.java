package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.exec.ExecResult;
import java.util.List;

/** Picks the driver for the VirtualBox version {@code VBoxManage --version} reports. */
public final class VBoxDrivers {
    /** The driver families this provider knows, oldest first. */
    public static final List<String> SUPPORTED = List.of("6.1", "7.0", "7.1", "7.2");

    private VBoxDrivers() {
    }

    /** Asks VBoxManage its version and returns the matching driver, or explains why there is none. */
    public static VBoxDriver detect(VBoxManage vbox, HostOs os) {
        ExecResult r = vbox.run(List.of("--version"));
        // a missing kernel driver is no reason to refuse VirtualBox here: listing, halting, deleting and
        // snapshots need none (VBoxManage cut its start-up warning off already); pre-flight checks the
        // drivers before anything that does need them
        String out = r.stdout();
        VBoxVersion v;
        try {
            v = VBoxVersion.parse(out);
        } catch (IllegalArgumentException e) {
            throw new VirtualBoxUnavailableException(e.getMessage()
                    + "\n  fix: check the VirtualBox installation ('" + vbox.program() + " --version' should print e.g. 7.0.20r163906).");
        }
        return forVersion(vbox, v, os);
    }

    public static VBoxDriver forVersion(VBoxManage vbox, VBoxVersion v, HostOs os) {
        if (v.compareTo(VBoxVersion.MINIMUM) < 0) {
            throw new VirtualBoxUnavailableException("VirtualBox " + v + " is too old for Overlay Lab (found '"
                    + v.raw() + "'); the oldest supported version is " + VBoxVersion.MINIMUM.family()
                    + ".\n  fix: upgrade VirtualBox to " + String.join(", ", SUPPORTED) + " (the newest is best).");
        }
        return switch (v.family()) {
            case "6.1" -> new VBoxDriver61(vbox, v, os);
            case "7.0" -> new VBoxDriver70(vbox, v, os);
            case "7.1" -> new VBoxDriver71(vbox, v, os);
            case "7.2" -> new VBoxDriver72(vbox, v, os);
            default -> throw new VirtualBoxUnavailableException("VirtualBox " + v + " (found '" + v.raw()
                    + "') is newer than this Overlay Lab knows; supported: " + String.join(", ", SUPPORTED)
                    + ".\n  fix: update Overlay Lab, or install VirtualBox " + SUPPORTED.get(SUPPORTED.size() - 1)
                    + ". (Newer VBoxManage options may differ, so it is refused rather than guessed at.)");
        };
    }
}
