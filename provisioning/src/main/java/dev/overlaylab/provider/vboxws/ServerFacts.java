package dev.overlaylab.provider.vboxws;

import dev.overlaylab.provider.virtualbox.HostOs;
import dev.overlaylab.provider.virtualbox.KernelDrivers;
import java.util.Locale;

/**
 * What the web service told about its VirtualBox: version (e.g. {@code 7.2.22_Debian}), API version
 * ({@code 7_2}), the server's OS; and the host name of the URL, which is where people run the fixes.
 */
public record ServerFacts(String host, String version, String apiVersion, HostOs os) {

    /** Who built the server's VirtualBox, from the version's suffix: {@code _Debian}/{@code _Ubuntu} are distribution builds. */
    public KernelDrivers.Packaging packaging() {
        String v = version.toLowerCase(Locale.ROOT);
        if (v.contains("_debian") || v.contains("_ubuntu")) {
            return KernelDrivers.Packaging.DEBIAN;
        }
        if (v.contains("fedora") || v.contains("_rpmfusion")) {
            return KernelDrivers.Packaging.FEDORA;
        }
        return v.matches("\\d+\\.\\d+\\.\\d+") ? KernelDrivers.Packaging.ORACLE : KernelDrivers.Packaging.OTHER;
    }
}
