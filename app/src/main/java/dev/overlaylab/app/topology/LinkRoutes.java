package dev.overlaylab.app.topology;

import dev.overlaylab.app.topology.Scene.Line;

/**
 * The lines from each node up to the overlay band and down to the host-only bar, drawn around the
 * other boxes: a node in the first row goes straight up, a later one up into the gap above its row,
 * left to the gutter beside its column and up that gutter; a node with another box below it goes down
 * into the gap under its row, right to the gutter and down. Lines sharing a gutter are set apart, ordered
 * so that no vertical run crosses another line's horizontal run (an overlay line of a lower row runs
 * nearer the gutter's middle than those of the rows above it; host-only lines the other way round).
 */
final class LinkRoutes {
    private static final double OVERLAY_W = 1.5;
    private static final double HOST_ONLY_W = 2;
    private final Scene scene;
    private final int rows;
    private final int cols;
    private final int nodes;
    private final double bandBottom;
    private final double barY;
    /** Distance between neighbouring lines in a gutter: 4 px, less when many rows share one. */
    private final double step;

    LinkRoutes(Scene scene, int rows, int cols, int nodes, double bandBottom, double barY) {
        this.scene = scene;
        this.rows = rows;
        this.cols = cols;
        this.nodes = nodes;
        this.bandBottom = bandBottom;
        this.barY = barY;
        this.step = Math.min(4, 12.0 / Math.max(1, rows - 2));
    }

    /** From the top of the box at ({@code nx}, {@code top}) in row {@code r}, column {@code c} to the band. */
    void overlay(int r, int c, double nx, double top, String colour) {
        double cx = nx + TopologyLayout.NODE_W / 2;
        if (r == 0) {
            line(cx, top, cx, bandBottom, colour, OVERLAY_W, true);
            return;
        }
        double channel = top - TopologyLayout.ROW_GAP / 3;
        double gutter = nx - TopologyLayout.GAP / 2 + 4 + step * (rows - 1 - r);
        line(cx, top, cx, channel, colour, OVERLAY_W, true);
        line(cx, channel, gutter, channel, colour, OVERLAY_W, true);
        line(gutter, channel, gutter, bandBottom, colour, OVERLAY_W, true);
    }

    /** From the bottom of the box in row {@code r}, column {@code c} to the host-only bar. */
    void hostOnly(int r, int c, double nx, double bottom, String colour) {
        double cx = nx + TopologyLayout.NODE_W / 2;
        boolean boxBelow = (r + 1) * cols + c < nodes;
        if (!boxBelow) {
            line(cx, bottom, cx, barY, colour, HOST_ONLY_W, false);
            return;
        }
        double channel = bottom + TopologyLayout.ROW_GAP / 3;
        double gutter = nx + TopologyLayout.NODE_W + TopologyLayout.GAP / 2 - 4 - step * r;
        line(cx, bottom, cx, channel, colour, HOST_ONLY_W, false);
        line(cx, channel, gutter, channel, colour, HOST_ONLY_W, false);
        line(gutter, channel, gutter, barY, colour, HOST_ONLY_W, false);
    }

    private void line(double x1, double y1, double x2, double y2, String colour, double width, boolean dashed) {
        scene.add(new Line(x1, y1, x2, y2, colour, width, dashed));
    }
}
