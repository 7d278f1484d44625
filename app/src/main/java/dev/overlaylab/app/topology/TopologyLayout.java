package dev.overlaylab.app.topology;

import dev.overlaylab.app.topology.Scene.Box;
import dev.overlaylab.app.topology.Scene.Line;
import dev.overlaylab.app.topology.Scene.Text;
import dev.overlaylab.app.topology.TopologyInput.NodeInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays the lab out: the overlay (flannel Network) as a dashed band on top (with Kubernetes, the service
 * network as a second band above it), nodes in a row (wrapping after {@link #PER_ROW}), each with its NICs —
 * NAT, host-only, the flannel device, docker0, and kube-proxy's service rules — and the host-only network as a
 * bar underneath with the host on it. Pure geometry: no fonts, no AWT.
 */
public final class TopologyLayout {
    static final int PER_ROW = 3;
    static final double NODE_W = 270;
    static final double GAP = 40;
    static final double MARGIN = 30;
    static final double LINE_H = 22;
    static final double TITLE_H = 34;

    private TopologyLayout() {
    }

    public static Scene layout(TopologyInput in) {
        Scene s = new Scene();
        int n = Math.max(1, in.nodes().size());
        int cols = Math.min(PER_ROW, n);
        int rowsOfNodes = (n + cols - 1) / cols;
        double width = MARGIN * 2 + cols * NODE_W + (cols - 1) * GAP;
        int nicLines = (in.hasNat() ? 4 : 3) + (in.serviceCidr().isPresent() ? 1 : 0);
        double nodeH = TITLE_H + nicLines * LINE_H + 12;

        double y = MARGIN;
        s.add(new Text(MARGIN, y + 14, in.lab(), 16, true, "text", "start"));
        s.add(new Text(width - MARGIN, y + 14, "backend " + in.backend(), 12, false, "subtext", "end"));
        y += 34;
        if (in.serviceCidr().isPresent()) {
            // the service network is virtual: no wire carries it; kube-proxy on each node turns its addresses into pods'
            s.add(new Box(MARGIN - 10, y, width - 2 * (MARGIN - 10), 28, 14, "service.fill", "service", true));
            s.add(new Text(width / 2, y + 19, "services " + in.serviceCidr().get() + "  (ClusterIPs: kube-proxy's rules on every node)",
                    12, true, "service", "middle"));
            y += 28 + 12;
        }
        double overlayTop = y;
        s.add(new Box(MARGIN - 10, overlayTop, width - 2 * (MARGIN - 10), 28, 14, "overlay.fill", "overlay", true));
        s.add(new Text(width / 2, overlayTop + 19, "overlay " + in.overlay() + "  (flannel, " + in.backend() + ")",
                12, true, "overlay", "middle"));
        y = overlayTop + 28 + 30;

        List<double[]> hostOnlyPorts = new ArrayList<>();
        for (int i = 0; i < in.nodes().size(); i++) {
            NodeInfo node = in.nodes().get(i);
            int r = i / cols;
            int c = i % cols;
            double nx = MARGIN + c * (NODE_W + GAP);
            double ny = y + r * (nodeH + GAP);
            nodeBox(s, node, in, nx, ny, nodeH);
            // Up to the overlay band from the flannel device (or docker0 for host-gw).
            s.add(new Line(nx + NODE_W / 2, ny, nx + NODE_W / 2, overlayTop + 28, "overlay", 1.5, true));
            hostOnlyPorts.add(new double[] {nx + NODE_W / 2, ny + nodeH});
        }
        double barY = y + rowsOfNodes * (nodeH + GAP) + 10;
        for (double[] p : hostOnlyPorts) {
            s.add(new Line(p[0], p[1], p[0], barY, "hostOnly", 2, false));
        }
        s.add(new Box(MARGIN - 10, barY, width - 2 * (MARGIN - 10), 8, 4, "hostOnly", "hostOnly", false));
        s.add(new Text(MARGIN - 10, barY + 26, "host-only network " + in.hostCidr(), 12, true, "hostOnly", "start"));
        s.add(new Text(width - MARGIN + 10, barY + 26, "host " + in.hostIp(), 12, false, "subtext", "end"));
        s.size(width, barY + 44);
        return s;
    }

    private static void nodeBox(Scene s, NodeInfo node, TopologyInput in, double x, double y, double h) {
        s.add(new Box(x, y, NODE_W, h, 10, "node", "nodeBorder", false));
        s.add(new Text(x + 12, y + 22, node.name(), 14, true, "text", "start"));
        s.add(new Text(x + NODE_W - 12, y + 22, node.master() ? (in.serviceCidr().isPresent() ? "master · etcd · apiserver" : "master · etcd")
                : "worker", 11, false, "subtext", "end"));
        double ly = y + TITLE_H + 14;
        if (in.hasNat()) {
            nic(s, x, ly, in.natNic().orElseThrow() + " (NAT)", TopologyInput.NAT_IP + "/24", "nat");
            ly += LINE_H;
        }
        nic(s, x, ly, node.hostOnlyNic() + " (host-only)", node.hostOnlyIp(), "hostOnly");
        String dev = in.overlayDevice().orElse("(host-gw: routes)");
        nic(s, x, ly + LINE_H, dev, node.subnet().map(sn -> sn.replaceFirst("\\.\\d+/\\d+$", ".0/32"))
                .orElse(in.overlayDevice().isPresent() ? "in " + in.overlay() : "via peers' host IPs"), "overlay");
        nic(s, x, ly + 2 * LINE_H, "docker0", node.subnet().orElse("lease from " + in.overlay()), "overlay");
        if (in.serviceCidr().isPresent()) {
            nic(s, x, ly + 3 * LINE_H, "kube-proxy", "→ " + in.serviceCidr().get(), "service");
        }
    }

    private static void nic(Scene s, double x, double baseline, String name, String addr, String colour) {
        s.add(new Box(x + 12, baseline - 9, 8, 8, 2, colour, colour, false));
        s.add(new Text(x + 28, baseline, name, 12, true, "text", "start"));
        s.add(new Text(x + NODE_W - 12, baseline, addr, 12, false, "subtext", "end"));
    }
}
