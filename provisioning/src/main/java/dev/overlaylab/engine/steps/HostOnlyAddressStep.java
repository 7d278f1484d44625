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
 * The node holds its static host-only address. The address file itself is written by the network
 * {@link WriteFilesStep}; this step applies it only when the address is not on the node yet, with the
 * tool that file belongs to (ifupdown, netplan or systemd-networkd).
 */
public final class HostOnlyAddressStep implements Step {
    private static final Pattern IFACE = Pattern.compile("(?m)^\\s*iface\\s+(\\S+)\\s+inet\\s+static");

    @Override
    public String name() {
        return "host-only address";
    }

    @Override
    public List<String> plan(StepContext ctx) {
        return List.of("make sure " + ctx.node().ip() + " is on the node; if not: " + applyCommand(ctx).orElse("(no network file: nothing to apply)"));
    }

    @Override
    public StepResult apply(StepContext ctx) {
        String want = ctx.node().ip();
        if (holds(ctx, want)) {
            return StepResult.unchanged(want + " present");
        }
        Optional<String> cmd = applyCommand(ctx);
        if (cmd.isEmpty()) {
            throw new StepFailure(want + " is not on any interface and no network file was rendered for it", "ip -4 -o addr show",
                    ctx.probe("ip -4 -o addr show").stdout(), "give the node its host-only address, or check the lab's network settings");
        }
        ctx.run(cmd.get(), "applying the host-only address failed", "check the network file (olab diff) and the NIC name in the profile");
        if (!holds(ctx, want)) {
            throw new StepFailure(want + " still missing after applying the network file", cmd.get(),
                    ctx.probe("ip -4 -o addr show").stdout(), "check the host-only NIC name in the profile matches the node");
        }
        return StepResult.changed("applied " + want);
    }

    private static boolean holds(StepContext ctx, String ip) {
        return ctx.probe("ip -4 -o addr show").stdout().contains(" " + ip + "/");
    }

    private static Optional<String> applyCommand(StepContext ctx) {
        for (RenderedFile f : ctx.files("network")) {
            if (f.path().startsWith("/etc/netplan/")) {
                return Optional.of("netplan apply");
            }
            if (f.path().startsWith("/etc/systemd/network/")) {
                return Optional.of("networkctl reload || systemctl restart systemd-networkd");
            }
            if (f.path().startsWith("/etc/network/interfaces")) {
                Matcher m = IFACE.matcher(f.content());
                if (m.find()) {
                    return Optional.of("ifdown --force " + m.group(1) + " 2>/dev/null; ifup " + m.group(1));
                }
            }
        }
        return Optional.empty();
    }
}
