package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.Lab;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists.HostOnlyIf;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists.HostOnlyNet;
import java.util.Locale;
import java.util.Optional;

/**
 * Gives the lab a host-only network: reuses an interface (or, on macOS with VirtualBox 7, a
 * network) already on the lab's subnet, else creates one, gives the host the lab's host address
 * ({@code .1}) and records it in the lab state so {@code down} can remove it later.
 */
final class HostOnlySetup {
    static final String STAGE = "nodes";

    private HostOnlySetup() {
    }

    static Optional<HostOnlyAttachment> findExisting(VBoxDriver d, Cidr labNet) {
        if (d.usesHostOnlyNetworks()) {
            for (HostOnlyNet n : d.hostOnlyNets()) {
                if (sameNet(n.lowerIp(), n.networkMask(), labNet)) {
                    return Optional.of(new HostOnlyAttachment(true, n.name(), false));
                }
            }
            return Optional.empty();
        }
        return existingInterface(d, labNet).map(i -> new HostOnlyAttachment(false, i.name(), false));
    }

    /** The host-only interface already on the lab's subnet (Linux, Windows, macOS before VirtualBox 7). */
    static Optional<HostOnlyIf> existingInterface(VBoxDriver d, Cidr labNet) {
        return d.hostOnlyIfs().stream().filter(i -> sameNet(i.ipAddress(), i.networkMask(), labNet)).findFirst();
    }

    /**
     * Whether the host side of an interface must be (re)addressed before use. The real 7.2 lists an
     * interface that has no address at all as {@code IPAddress: 192.168.56.1}, {@code NetworkMask:
     * 255.255.255.0} with {@code Status: Down} (its default, not a fact), so an interface that is not
     * Up is given the address; {@code ipconfig} with the same address again changes nothing.
     */
    static boolean needsAddress(HostOnlyIf i) {
        return !"Up".equalsIgnoreCase(i.status());
    }

    static HostOnlyAttachment ensure(VBoxDriver d, Lab lab, LabState state, ProgressListener progress) {
        Cidr net = Cidr.parse(lab.network().cidr()).normalized();
        String step = "host-only network " + net;
        Optional<HostOnlyIf> iface = d.usesHostOnlyNetworks() ? Optional.empty() : existingInterface(d, net);
        if (iface.isPresent() && needsAddress(iface.get())) {
            String name = iface.get().name();
            d.change(d.hostOnlyIfIpconfigArgs(name, lab.network().hostIp(), net.netmask()));
            progress.on(ProgressEvent.of(STAGE, "", step, Status.CHANGED, "reusing " + name + ", given the host address "
                    + lab.network().hostIp() + " (it was " + iface.get().status() + ", so its listed address was not real)"));
            return new HostOnlyAttachment(false, name, false);
        }
        Optional<HostOnlyAttachment> found = findExisting(d, net);
        if (found.isPresent()) {
            progress.on(ProgressEvent.of(STAGE, "", step, Status.UNCHANGED, "reusing " + found.get().name()));
            return found.get();
        }
        progress.on(ProgressEvent.of(STAGE, "", step, Status.STARTED, "creating a host-only "
                + (d.usesHostOnlyNetworks() ? "network" : "interface")));
        if (d.usesHostOnlyNetworks()) {
            String name = networkName(lab.name());
            d.change(d.hostOnlyNetAddArgs(name, net));
            state.recordCreatedNetwork(name);
            state.save();
            progress.on(ProgressEvent.of(STAGE, "", step, Status.CHANGED, "created host-only network " + name));
            return new HostOnlyAttachment(true, name, true);
        }
        String name = d.createHostOnlyIf();
        // recorded before ipconfig: if VirtualBox refuses the address, down still removes the interface
        state.recordCreatedInterface(name);
        state.save();
        d.change(d.hostOnlyIfIpconfigArgs(name, lab.network().hostIp(), net.netmask()));
        progress.on(ProgressEvent.of(STAGE, "", step, Status.CHANGED, "created " + name + " with the host at "
                + lab.network().hostIp()));
        return new HostOnlyAttachment(false, name, true);
    }

    static String networkName(String lab) {
        return "olab-" + lab.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    private static boolean sameNet(String ip, String mask, Cidr labNet) {
        if (ip == null || ip.isBlank() || mask == null || mask.isBlank()) {
            return false;
        }
        try {
            return Cidr.ofNetmask(ip, mask).normalized().equals(labNet);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
