package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.AllowedRanges;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists.BridgedIf;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists.HostInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks made before anything is created, all at once, so a person fixes everything in one go:
 * VirtualBox's kernel drivers are loaded, the host-only network is in a range this VirtualBox allows (FAILURE-MODES #10), no other host
 * interface already sits on that network, and the host has memory for the VMs about to start.
 */
public final class Preflight {
    private Preflight() {
    }

    /**
     * @param labNet          the lab's host-only network
     * @param version         the VirtualBox version
     * @param os              the host OS
     * @param usesHostOnlyNet macOS + VirtualBox 7: host-only networks, which the ranges rule does not cover
     * @param ranges          allowed ranges (default + networks.conf)
     * @param bridged         the host's interfaces ({@code list bridgedifs})
     * @param hostOnlyNames   names of host-only interfaces/networks and their host bridges, which may sit on the lab network
     * @param hostInfo        {@code list hostinfo}
     * @param memoryNeededMb  memory of the VMs this run will start
     */
    public record Input(Cidr labNet, VBoxVersion version, HostOs os, boolean usesHostOnlyNet, AllowedRanges ranges,
                        List<BridgedIf> bridged, Set<String> hostOnlyNames, HostInfo hostInfo, long memoryNeededMb) {
    }

    /** Every problem found, each one line of cause plus a fix; empty when all is well. */
    public static List<String> problems(Input in) {
        List<String> out = new ArrayList<>();
        if (!in.usesHostOnlyNet() && in.os().restrictsHostOnlyRanges()
                && in.version().compareTo(VBoxVersion.RANGES_ENFORCED) >= 0 && !in.ranges().allows(in.labNet())) {
            out.add("host-only network " + in.labNet() + " is outside the ranges VirtualBox " + in.version()
                    + " allows on this host: " + in.ranges().describe() + "; VirtualBox would refuse the host's address"
                    + " with E_ACCESSDENIED (FAILURE-MODES #10).\n"
                    + "  fix: " + in.ranges().fixFor(in.labNet().toString()) + ".");
        }
        for (BridgedIf b : in.bridged()) {
            if (in.hostOnlyNames().contains(b.name()) || !"Up".equalsIgnoreCase(b.status())) {
                continue;
            }
            Cidr net;
            try {
                if (b.ipAddress().isBlank() || b.ipAddress().equals("0.0.0.0")) {
                    continue;
                }
                net = Cidr.ofNetmask(b.ipAddress(), b.networkMask()).normalized();
            } catch (RuntimeException e) {
                continue;
            }
            if (net.overlaps(in.labNet())) {
                out.add("the host's interface '" + b.name() + "' (" + b.ipAddress() + "/" + net.prefix()
                        + ") is already on the lab's host-only network " + in.labNet()
                        + "; the host could not tell the two networks apart.\n"
                        + "  fix: choose another host-only network for the lab (one no host interface uses).");
            }
        }
        long avail = in.hostInfo().memoryAvailableMb();
        if (in.memoryNeededMb() > 0 && avail >= 0 && in.memoryNeededMb() > avail) {
            out.add("the VMs to start need " + in.memoryNeededMb() + " MB of memory but the host has " + avail
                    + " MB available (of " + in.hostInfo().memorySizeMb() + " MB).\n"
                    + "  fix: close other programs or VMs, or lower the profile's memory.");
        }
        return out;
    }

    /**
     * The kernel drivers, checked first: without them no VM starts and no host-only interface can be
     * created, so {@code up} must stop before it creates anything.
     */
    public static List<String> kernelProblems(KernelDrivers drivers) {
        return drivers.cause().map(c -> List.of(c + ".\n  fix: " + drivers.fix() + ".")).orElse(List.of());
    }
}
