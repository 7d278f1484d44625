package dev.overlaylab.provider.virtualbox.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the provider needs from {@code showvminfo NAME --machinereadable}.
 *
 * @param state            {@code VMState}: running, poweroff, saved, aborted, paused, starting, stopping...
 * @param nics             adapter number → attachment type (nat, hostonly, hostonlynetwork, bridged, none)
 * @param hostOnlyAdapters adapter number → host-only interface ({@code hostonlyadapterN}, all versions)
 * @param hostOnlyNetworks adapter number → host-only network ({@code hostonly-networkN}, 7.x on macOS)
 * @param snapshots        snapshot names, depth first as VirtualBox lists them
 */
public record VmInfo(
        String name,
        String uuid,
        String state,
        int memoryMb,
        int cpus,
        String cfgFile,
        Map<Integer, String> nics,
        Map<Integer, String> hostOnlyAdapters,
        Map<Integer, String> hostOnlyNetworks,
        List<PortForward> forwards,
        List<String> snapshots,
        Optional<String> currentSnapshot) {

    private static final Pattern NIC = Pattern.compile("nic(\\d+)");
    private static final Pattern HOSTONLY_ADAPTER = Pattern.compile("hostonlyadapter(\\d+)");
    private static final Pattern HOSTONLY_NET = Pattern.compile("hostonly-network(\\d+)");
    private static final Pattern SNAPSHOT_NAME = Pattern.compile("SnapshotName(-\\d+)*");

    public VmInfo {
        nics = Map.copyOf(nics);
        hostOnlyAdapters = Map.copyOf(hostOnlyAdapters);
        hostOnlyNetworks = Map.copyOf(hostOnlyNetworks);
        forwards = List.copyOf(forwards);
        snapshots = List.copyOf(snapshots);
    }

    public static VmInfo parse(String output) {
        MachineReadable mr = MachineReadable.parse(output);
        Map<Integer, String> nics = new TreeMap<>();
        Map<Integer, String> adapters = new TreeMap<>();
        Map<Integer, String> nets = new TreeMap<>();
        List<PortForward> forwards = new ArrayList<>();
        List<String> snapshots = new ArrayList<>();
        int currentNic = 1;
        for (MachineReadable.Entry e : mr.entries()) {
            Matcher m;
            if ((m = NIC.matcher(e.key())).matches()) {
                currentNic = Integer.parseInt(m.group(1));
                nics.put(currentNic, e.value());
            } else if ((m = HOSTONLY_ADAPTER.matcher(e.key())).matches()) {
                adapters.put(Integer.parseInt(m.group(1)), e.value());
            } else if ((m = HOSTONLY_NET.matcher(e.key())).matches()) {
                nets.put(Integer.parseInt(m.group(1)), e.value());
            } else if (e.key().startsWith("Forwarding(")) {
                forwards.add(PortForward.parse(currentNic, e.value()));
            } else if (SNAPSHOT_NAME.matcher(e.key()).matches()) {
                snapshots.add(e.value());
            }
        }
        return new VmInfo(
                mr.get("name").orElse(""),
                mr.get("UUID").orElse(""),
                mr.get("VMState").orElse("unknown"),
                intOf(mr.get("memory")),
                intOf(mr.get("cpus")),
                mr.get("CfgFile").orElse(""),
                nics, adapters, nets, forwards, snapshots,
                mr.get("CurrentSnapshotName"));
    }

    public boolean running() {
        return "running".equals(state);
    }

    /** Off in a way that lets VirtualBox restore a snapshot or change settings. */
    public boolean off() {
        return switch (state) {
            case "poweroff", "aborted", "saved" -> true;
            default -> false;
        };
    }

    /** The host port of the NAT rule forwarding to guest port 22 on 127.0.0.1, if any. */
    public Optional<Integer> sshPort() {
        return forwards.stream()
                .filter(f -> f.guestPort() == 22 && "tcp".equals(f.protocol()))
                .sorted((a, b) -> Boolean.compare("ssh".equals(b.name()), "ssh".equals(a.name())))
                .map(PortForward::hostPort)
                .findFirst();
    }

    /** The host-only interface or network on any adapter. */
    public List<String> hostOnlyAttachments() {
        List<String> out = new ArrayList<>(hostOnlyAdapters.values());
        out.addAll(hostOnlyNetworks.values());
        return out;
    }

    private static int intOf(Optional<String> v) {
        try {
            return v.map(String::strip).map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
