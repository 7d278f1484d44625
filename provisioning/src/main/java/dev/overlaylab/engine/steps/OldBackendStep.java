package dev.overlaylab.engine.steps;

import dev.overlaylab.exec.Commands;
import dev.overlaylab.model.FlannelSettings;
import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what another flannel backend left on the node before flanneld restarts with a new one.
 * flanneld 0.28.9 does not clean up after a backend it no longer runs: after vxlan → udp the
 * vxlan device {@code flannel.1} stays, and its per-subnet routes ({@code 10.1.43.0/24 via 10.1.43.0
 * dev flannel.1}) are more specific than udp's {@code 10.1.0.0/16 dev flannel0}, so pods kept
 * talking vxlan (MTU 1450) while subnet.env said 1472 (measured: the DF probe failed). Likewise
 * host-gw's routes via the host-only NIC would outlive a switch to vxlan or udp.
 *
 * <p>Acts only when flanneld owes a restart (a changed file or a replaced network config), and
 * stops flanneld first so the old daemon cannot put its routes back; the next step starts it.
 */
public final class OldBackendStep implements Step {
    private static final Pattern LINK = Pattern.compile("^\\d+:\\s+(flannel\\.\\d+|flannel0)[@:]", Pattern.MULTILINE);

    @Override
    public String name() {
        return "old backend devices";
    }

    @Override
    public List<String> plan(StepContext ctx) {
        return List.of("if flanneld owes a restart: delete flannel devices and routes that backend "
                + ctx.lab().flannel().backend().type() + " does not use (stopping flanneld first)");
    }

    @Override
    public StepResult apply(StepContext ctx) {
        if (!ctx.nodeRun().restartPending("flanneld")) {
            return StepResult.unchanged("flanneld keeps its backend");
        }
        FlannelSettings flannel = ctx.lab().flannel();
        List<String> devices = staleDevices(flannel.backend(), ctx.probe("ip -o link show").stdout());
        List<String> routes = staleRoutes(flannel.backend(), ctx.probe("ip -4 route show root " + Commands.quote(flannel.network())).stdout());
        if (devices.isEmpty() && routes.isEmpty()) {
            return StepResult.unchanged("nothing left by another backend");
        }
        if (ctx.probe(Systemd.isActive("flanneld")).ok()) {
            ctx.run(Systemd.stop("flanneld"), "cannot stop flanneld before removing the old backend", "stop it by hand: systemctl stop flanneld");
        }
        for (String d : devices) {
            // udp's TUN is not persistent: it went away with the flanneld just stopped
            String q = Commands.quote(d);
            ctx.run("ip link del " + q + " || ! ip link show " + q + " >/dev/null 2>&1", "cannot delete the old backend device " + d, "delete it by hand: ip link del " + d);
        }
        for (String r : routes) {
            ctx.run("ip route del " + r, "cannot delete the old backend route " + r, "delete it by hand: ip route del " + r);
        }
        List<String> done = new ArrayList<>();
        devices.forEach(d -> done.add("deleted " + d));
        routes.forEach(r -> done.add("deleted route " + r));
        return StepResult.changed(String.join("; ", done) + " (backend now " + flannel.backend().type() + ")");
    }

    /** flannel devices the backend does not use: {@code flannel.<VNI>} is vxlan's, {@code flannel0} udp's. */
    static List<String> staleDevices(FlannelSettings.Backend backend, String ipLinkShow) {
        String wanted = switch (backend.type()) {
            case "vxlan" -> "flannel." + (backend.options().get("VNI") instanceof Integer vni ? vni : 1);
            case "udp" -> "flannel0";
            default -> "";
        };
        List<String> stale = new ArrayList<>();
        Matcher m = LINK.matcher(ipLinkShow);
        while (m.find()) {
            if (!m.group(1).equals(wanted)) {
                stale.add(m.group(1));
            }
        }
        return stale;
    }

    /**
     * Routes into the flannel Network through a gateway on a non-flannel device: host-gw's (and
     * vxlan DirectRouting's) per-subnet routes, stale unless the backend routes that way itself.
     */
    static List<String> staleRoutes(FlannelSettings.Backend backend, String ipRouteShow) {
        boolean routesDirect = backend.type().equals("host-gw")
                || (backend.type().equals("vxlan") && Boolean.TRUE.equals(backend.options().get("DirectRouting")));
        if (routesDirect) {
            return List.of();
        }
        return ipRouteShow.lines().map(String::strip)
                .filter(l -> l.contains(" via ") && !l.contains(" dev flannel"))
                .toList();
    }
}
