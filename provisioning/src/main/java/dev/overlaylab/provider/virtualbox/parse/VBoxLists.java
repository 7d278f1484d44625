package dev.overlaylab.provider.virtualbox.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for the {@code VBoxManage list ...} outputs the provider reads. They have no
 * machine-readable form; their layout ({@code Key:   value} blocks, one block per object, a block
 * starting at {@code Name:}) has been stable from 5.x through 7.x.
 */
public final class VBoxLists {
    private static final Pattern VM_LINE = Pattern.compile("^\"(.*)\" \\{([0-9a-fA-F-]+)\\}$");
    private static final Pattern MBYTE = Pattern.compile("(\\d+)\\s*MByte");

    private VBoxLists() {
    }

    /** A VM as {@code list vms} / {@code list runningvms} shows it: {@code "name" {uuid}}. */
    public record VmRef(String name, String uuid) {
    }

    /** A host-only interface ({@code list hostonlyifs}): vboxnetN on Linux/macOS, an adapter name on Windows. */
    public record HostOnlyIf(String name, String ipAddress, String networkMask, String status, boolean dhcp) {
    }

    /** A host-only network ({@code list hostonlynets}, VirtualBox 7 on macOS). */
    public record HostOnlyNet(String name, String networkMask, String lowerIp, String upperIp, boolean enabled) {
    }

    /** A host interface VMs could bridge to ({@code list bridgedifs}); here: the host's own networks. */
    public record BridgedIf(String name, String ipAddress, String networkMask, String status) {
    }

    /**
     * {@code list hostinfo}: memory in MB, and how many CPUs the host has.
     */
    public record HostInfo(long memorySizeMb, long memoryAvailableMb, int processorCount, String operatingSystem) {
    }

    public static List<VmRef> vms(String output) {
        List<VmRef> out = new ArrayList<>();
        for (String line : output.split("\\R")) {
            Matcher m = VM_LINE.matcher(line.strip());
            if (m.matches()) {
                out.add(new VmRef(m.group(1), m.group(2)));
            }
        }
        return out;
    }

    public static List<HostOnlyIf> hostOnlyIfs(String output) {
        return blocks(output).stream()
                .map(b -> new HostOnlyIf(b.get("Name"), b.getOrDefault("IPAddress", ""), b.getOrDefault("NetworkMask", ""),
                        b.getOrDefault("Status", ""), "Enabled".equalsIgnoreCase(b.getOrDefault("DHCP", ""))))
                .toList();
    }

    public static List<HostOnlyNet> hostOnlyNets(String output) {
        return blocks(output).stream()
                .map(b -> new HostOnlyNet(b.get("Name"), b.getOrDefault("NetworkMask", ""), b.getOrDefault("LowerIP", ""),
                        b.getOrDefault("UpperIP", ""), "Enabled".equalsIgnoreCase(b.getOrDefault("State", ""))))
                .toList();
    }

    public static List<BridgedIf> bridgedIfs(String output) {
        return blocks(output).stream()
                .map(b -> new BridgedIf(b.get("Name"), b.getOrDefault("IPAddress", ""), b.getOrDefault("NetworkMask", ""),
                        b.getOrDefault("Status", "")))
                .toList();
    }

    public static HostInfo hostInfo(String output) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            int c = line.indexOf(':');
            if (c > 0) {
                kv.put(line.substring(0, c).strip(), line.substring(c + 1).strip());
            }
        }
        return new HostInfo(mbytes(kv.get("Memory size")), mbytes(kv.get("Memory available")),
                parseInt(kv.getOrDefault("Processor count", "0")), kv.getOrDefault("Operating system", ""));
    }

    /** {@code Key: value} blocks; a new block starts at every {@code Name:} (blank lines inside a block occur). */
    static List<Map<String, String>> blocks(String output) {
        List<Map<String, String>> out = new ArrayList<>();
        Map<String, String> cur = null;
        for (String line : output.split("\\R")) {
            int c = line.indexOf(':');
            if (line.isBlank() || c <= 0) {
                continue;
            }
            String key = line.substring(0, c).strip();
            String value = line.substring(c + 1).strip();
            if (key.equals("Name")) {
                cur = new LinkedHashMap<>();
                out.add(cur);
            }
            if (cur != null) {
                cur.put(key, value);
            }
        }
        return out;
    }

    private static long mbytes(String v) {
        if (v == null) {
            return -1;
        }
        Matcher m = MBYTE.matcher(v);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static int parseInt(String v) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
