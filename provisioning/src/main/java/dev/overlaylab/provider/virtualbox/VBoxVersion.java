package dev.overlaylab.provider.virtualbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A VirtualBox version as printed by {@code VBoxManage --version}: {@code 7.0.20r163906},
 * {@code 6.1.50_Ubuntur161033}, {@code 7.1.4_OSEr165100}. Warnings VBoxManage prints before the
 * version (e.g. a kernel module that is not loaded) are skipped.
 */
public record VBoxVersion(int major, int minor, int patch, String raw) implements Comparable<VBoxVersion> {

    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)");

    /** The oldest version this provider drives; 6.1 is the first with the allowed-ranges rule we check. */
    public static final VBoxVersion MINIMUM = new VBoxVersion(6, 1, 0, "6.1.0");

    /** The first version that limits host-only addresses to 192.168.56.0/21 and networks.conf. */
    public static final VBoxVersion RANGES_ENFORCED = new VBoxVersion(6, 1, 28, "6.1.28");

    /** Parses the output of {@code VBoxManage --version}; throws when no version line is there. */
    public static VBoxVersion parse(String output) {
        for (String line : output.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("WARNING") || l.startsWith("Warning")) {
                continue;
            }
            Matcher m = VERSION.matcher(l);
            if (m.find()) {
                return new VBoxVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), l);
            }
        }
        throw new IllegalArgumentException("no VirtualBox version in the output of 'VBoxManage --version': \""
                + output.strip() + "\"");
    }

    public static VBoxVersion of(int major, int minor, int patch) {
        return new VBoxVersion(major, minor, patch, major + "." + minor + "." + patch);
    }

    /** {@code 7.0}: the driver family. */
    public String family() {
        return major + "." + minor;
    }

    public boolean atLeast(int maj, int min, int pat) {
        return compareTo(of(maj, min, pat)) >= 0;
    }

    @Override
    public int compareTo(VBoxVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
