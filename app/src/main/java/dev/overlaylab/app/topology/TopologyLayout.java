package dev.overlaylab.app.topology;

import dev.overlaylab.app.topology.Scene.Area;
import dev.overlaylab.app.topology.Scene.Box;
import dev.overlaylab.app.topology.Scene.Text;
import dev.overlaylab.app.topology.TopologyInput.NodeInfo;

/**
 * Lays the lab out: the overlay (flannel Network) as a dashed band on top (with Kubernetes, the service
 * network as a second band above it, and kube-proxy's service rules in each node), nodes in rows of
 * {@link #PER_ROW}, each with its NICs — NAT, host-only, the flannel device, docker0 — and the
 * host-only network as a bar underneath with the host on it. The lines from the nodes to the band and
 * the bar are drawn by {@link LinkRoutes} around the boxes. Pure geometry: no fonts, no AWT.
 */
public final class TopologyLayout {
    static final int PER_ROW = 3;
    static final double NODE_W = 270;
    /** Between columns: room for the lines of the rows below or above (see {@link LinkRoutes}). */
    static final double GAP = 40;
    /** Between rows: a channel for the host-only lines of the row above and one for the overlay lines of the row below. */
    static final double ROW_GAP = 48;
    static final double MARGIN = 30;
    /** Left and right: the outer columns' lines run in this margin. */
    static final double SIDE = 56;
    static final double MIN_WIDTH = 560;
    /** The band and the bar reach this close to the picture's edges (beyond the outer lines). */
    static final double INSET = 14;
    static final double LINE_H = 22;
    static final double TITLE_H = 34;
    /** Longer node names are cut with an ellipsis so they never run into the role beside them. */
    static final int NAME_CHARS = 18;

    private TopologyLayout() {
    }

    public static Scene layout(TopologyInput in) {
        Scene s = new Scene();
        int n = Math.max(1, in.nodes().size());
        int cols = Math.min(PER_ROW, n);
        int rows = (n + cols - 1) / cols;
        double columns = cols * NODE_W + (cols - 1) * GAP;
        // A one-node lab is still wide enough for the captions under the bar and over the band.
        double width = Math.max(MIN_WIDTH, SIDE * 2 + columns);
        double left = (width - columns) / 2;
        int nicLines = (in.hasNat() ? 4 : 3) + (in.serviceCidr().isPresent() ? 1 : 0);
        double nodeH = TITLE_H + nicLines * LINE_H + 12;

        double y = MARGIN;
        s.add(new Text(INSET + 6, y + 14, in.lab(), 16, true, "text", "start"));
        s.add(new Text(width - INSET - 6, y + 14, "backend " + in.backend(), 12, false, "subtext", "end"));
        y += 34;
        if (in.serviceCidr().isPresent()) {
            // the service network is virtual: no wire carries it; kube-proxy on each node turns its addresses into pods'
            s.add(new Box(INSET, y, width - 2 * INSET, 28, 14, "service.fill", "service", true));
            s.add(new Text(width / 2, y + 19, "services " + in.serviceCidr().get() + "  (ClusterIPs: kube-proxy's rules on every node)",
                    12, true, "service", "middle"));
            y += 28 + 12;
        }
        double overlayTop = y;
        double bandBottom = overlayTop + 28;
        s.add(new Box(INSET, overlayTop, width - 2 * INSET, 28, 14, "overlay.fill", "overlay", true));
        s.add(new Text(width / 2, overlayTop + 19, "overlay " + in.overlay() + "  (flannel, " + in.backend() + ")",
                12, true, "overlay", "middle"));
        double top = bandBottom + 30;
        double barY = top + rows * nodeH + (rows - 1) * ROW_GAP + 40;

        LinkRoutes routes = new LinkRoutes(s, rows, cols, in.nodes().size(), bandBottom, barY);
        for (int i = 0; i < in.nodes().size(); i++) {
            NodeInfo node = in.nodes().get(i);
            int r = i / cols;
            int c = i % cols;
            double nx = left + c * (NODE_W + GAP);
            double ny = top + r * (nodeH + ROW_GAP);
            nodeBox(s, node, in, nx, ny, nodeH);
            LinkHealth h = in.healthOf(node.name());
            routes.overlay(r, c, nx, ny, LinkHealth.colour(h.overlay(), "overlay"));
            routes.hostOnly(r, c, nx, ny + nodeH, LinkHealth.colour(h.hostOnly(), "hostOnly"));
        }
        s.add(new Box(INSET, barY, width - 2 * INSET, 8, 4, "hostOnly", "hostOnly", false));
        s.add(new Text(INSET, barY + 26, "host-only network " + in.hostCidr(), 12, true, "hostOnly", "start"));
        s.add(new Text(width - INSET, barY + 26, "host " + in.hostIp(), 12, false, "subtext", "end"));
        s.size(width, barY + 44);
        return s;
    }

    private static void nodeBox(Scene s, NodeInfo node, TopologyInput in, double x, double y, double h) {
        s.add(new Box(x, y, NODE_W, h, 10, "node", "nodeBorder", false));
        s.area(new Area(node.name(), x, y, NODE_W, h));
        s.add(new Text(x + 12, y + 22, shorten(node.name()), 14, true, "text", "start"));
        s.add(new Text(x + NODE_W - 12, y + 22, node.master() ? (in.serviceCidr().isPresent() ? "master \u00b7 etcd \u00b7 apiserver" : "master \u00b7 etcd") : "worker", 11, false, "subtext", "end"));
        double ly = y + TITLE_H + 14;
        if (in.hasNat()) {
            nic(s, x, ly, in.natNic().orElseThrow() + " (NAT)", TopologyInput.NAT_IP + "/24", "nat");
            ly += LINE_H;
        }
        nic(s, x, ly, node.hostOnlyNic() + " (host-only)", node.hostOnlyIp(), "hostOnly");
        if (in.overlayDevice().isPresent()) {
            nic(s, x, ly + LINE_H, in.overlayDevice().get(), node.subnet()
                    .map(sn -> sn.replaceFirst("\\.\\d+/\\d+$", ".0/32")).orElse("in " + in.overlay()), "overlay");
        } else {
            // host-gw has no flannel device: flanneld writes a route per peer via that peer's host-only address.
            nic(s, x, ly + LINE_H, "host-gw", "routes via host-only", "overlay");
        }
        nic(s, x, ly + 2 * LINE_H, "docker0", node.subnet().orElse("lease from " + in.overlay()), "overlay");
        if (in.serviceCidr().isPresent()) {
            nic(s, x, ly + 3 * LINE_H, "kube-proxy", "\u2192 " + in.serviceCidr().get(), "service");
        }
    }

    static String shorten(String name) {
        return name.length() <= NAME_CHARS ? name : name.substring(0, NAME_CHARS - 1) + "\u2026";
    }

    private static void nic(Scene s, double x, double baseline, String name, String addr, String colour) {
        s.add(new Box(x + 12, baseline - 9, 8, 8, 2, colour, colour, false));
        s.add(new Text(x + 28, baseline, name, 12, true, "text", "start"));
        s.add(new Text(x + NODE_W - 12, baseline, addr, 12, false, "subtext", "end"));
    }
}
