package dev.overlaylab.provider.virtualbox;

import java.util.Locale;

/** The host's operating system, as far as VirtualBox behaves differently on it. */
public enum HostOs {
    LINUX, MACOS, WINDOWS, OTHER;

    public static HostOs current() {
        return fromOsName(System.getProperty("os.name", ""));
    }

    public static HostOs fromOsName(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.contains("linux")) {
            return LINUX;
        }
        if (n.contains("mac") || n.contains("darwin")) {
            return MACOS;
        }
        if (n.contains("windows")) {
            return WINDOWS;
        }
        return OTHER;
    }

    /**
     * Since 6.1.28, VirtualBox on Linux, macOS and Solaris only lets host-only adapters use
     * 192.168.56.0/21 plus what /etc/vbox/networks.conf allows; Windows has no such limit.
     */
    public boolean restrictsHostOnlyRanges() {
        return this != WINDOWS;
    }
}
