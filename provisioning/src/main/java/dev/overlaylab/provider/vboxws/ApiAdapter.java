package dev.overlaylab.provider.vboxws;

import dev.overlaylab.provider.vboxws.soap.SoapRequest;
import dev.overlaylab.provider.virtualbox.HostOs;

/**
 * The calls whose form depends on the server's VirtualBox API version ({@code IVirtualBox_getAPIVersion}):
 * one adapter per version, picked by {@link ApiAdapters}. Everything else the provider sends is the
 * same in 7.0, 7.1 and 7.2.
 */
public interface ApiAdapter {
    /** e.g. {@code 7_2}. */
    String apiVersion();

    /** Where this adapter's signatures come from (shown by {@code olab doctor}): checked against a real server, or documentation only. */
    String provenance();

    /** {@code IVirtualBox_createMachine} of an empty VM {@code name} (settings file chosen by the server, no encryption). */
    SoapRequest createMachine(String vbox, String name, String osTypeId);

    /** {@code IMachine_launchVMProcess}: start {@code machine} headless in {@code session}. */
    default SoapRequest launchHeadless(String machine, String session) {
        // 6.1 replaced the environment string by environmentChanges[]; 7.0–7.2 keep that form (none sent here)
        return SoapRequest.of("IMachine_launchVMProcess").arg("_this", machine).arg("session", session).arg("name", "headless");
    }

    /**
     * Host-only NICs: on a macOS server VirtualBox 7 has host-only <em>networks</em> ({@code IHostOnlyNetwork}),
     * elsewhere host-only interfaces. This provider drives interfaces only.
     */
    default boolean usesHostOnlyNetworks(HostOs serverOs) {
        return serverOs == HostOs.MACOS;
    }
}
