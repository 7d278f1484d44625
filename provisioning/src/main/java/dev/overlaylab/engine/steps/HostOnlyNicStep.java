package dev.overlaylab.engine.steps;

import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepFailure;
import dev.overlaylab.engine.StepResult;
import dev.overlaylab.render.RenderedFile;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Before the host-only address file is written: the NIC it configures (the profile's hostOnlyNic)
 * must be the one that holds the node's address, or, when no interface holds it yet (a new VM),
 * exist on the node. Otherwise the run stops with the interface that does hold it: on a machine a
 * {@code hosts} lab takes over, a file for the profile's NIC would configure a NIC the machine does
 * not have (an {@code olab-enp0s8} file on a node whose address is on {@code host0}) or a second
 * one. Runs before the network files, so nothing is written for the wrong NIC.
 */
public final class HostOnlyNicStep implements Step {
    private static final Pattern IFUPDOWN = Pattern.compile("(?m)^\\s*iface\\s+(\\S+)\\s+inet\\s+static");
    private static final Pattern NETWORKD = Pattern.compile("(?m)^\\s*Name=(\\S+)");
    private static final Pattern NETPLAN = Pattern.compile("(?m)^\\s*ethernets:\\s*\\n\\s+([^\\s:]+):");

    @Override
    public String name() {
        return "host-only NIC";
    }

    @Override
    public List<String> plan(StepContext ctx) {
        return nic(ctx).map(n -> List.of("check " + ctx.node().ip() + " is on " + n + ", or that " + n + " exists to receive it"))
                .orElse(List.of("no host-only address file: nothing to check"));
    }

    @Override
    public StepResult apply(StepContext ctx) {
        Optional<String> nic = nic(ctx);
        if (nic.isEmpty()) {
            return StepResult.skipped("no host-only address file");
        }
        String ip = ctx.node().ip();
        String addrs = ctx.probe("ip -4 -o addr show").stdout();
        Optional<String> holder = holder(addrs, ip);
        if (holder.isPresent() && !holder.get().equals(nic.get())) {
            throw new StepFailure(ip + " is on " + holder.get() + ", not on " + nic.get()
                    + " (the profile's host-only NIC, which the address file would configure)", "ip -4 -o addr show", addrs,
                    "use a profile whose hostOnlyNic is " + holder.get() + ", or set flannel.iface and nodes[].ip to match "
                    + nic.get() + "; nothing was written");
        }
        if (holder.isEmpty() && !ctx.probe("ip -o link show dev " + nic.get()).ok()) {
            throw new StepFailure(ip + " is on no interface and " + nic.get() + " (the profile's host-only NIC) does not exist here",
                    "ip -4 -o addr show", addrs, "give the node " + ip + " on one of its NICs and use a profile whose hostOnlyNic "
                    + "names that NIC; nothing was written");
        }
        return StepResult.unchanged(holder.map(h -> ip + " on " + h).orElse(nic.get() + " present, " + ip + " to be applied"));
    }

    /** The interface of {@code ip -4 -o addr show} lines ("3: eth1    inet 192.168.56.101/24 ...") holding {@code ip}. */
    static Optional<String> holder(String addrShow, String ip) {
        for (String line : addrShow.split("\n")) {
            String[] f = line.trim().split("\\s+");
            for (int i = 0; i + 1 < f.length; i++) {
                if (f[i].equals("inet") && f[i + 1].startsWith(ip + "/") && f.length > 1) {
                    return Optional.of(f[1].replaceFirst("@.*$", ""));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nic(StepContext ctx) {
        for (RenderedFile f : ctx.files("network")) {
            for (Pattern p : List.of(IFUPDOWN, NETWORKD, NETPLAN)) {
                if (isAddressFile(f)) {
                    Matcher m = p.matcher(f.content());
                    if (m.find()) {
                        return Optional.of(m.group(1));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isAddressFile(RenderedFile f) {
        return f.path().startsWith("/etc/network/interfaces") || f.path().startsWith("/etc/netplan/")
                || (f.path().startsWith("/etc/systemd/network/") && f.path().endsWith(".network"));
    }
}
