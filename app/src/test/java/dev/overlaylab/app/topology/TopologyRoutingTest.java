package dev.overlaylab.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.engine.CheckResult;
import dev.overlaylab.app.topology.Scene.Box;
import dev.overlaylab.app.topology.Scene.Line;
import dev.overlaylab.app.topology.Scene.Text;
import dev.overlaylab.model.LabLoader;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Issue 12 item 8: labels never run into their values, lines go around boxes, links show the last verification. */
class TopologyRoutingTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    private static List<Box> nodeBoxes(Scene s) {
        return s.all(Box.class).stream().filter(b -> b.fill().equals("node")).toList();
    }

    /** Texts on one baseline inside one node box, measured with a real font, keep at least 6 px apart. */
    private static void assertNoTextOverlaps(Scene s) {
        BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        Font base = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        try {
            List<Text> texts = s.all(Text.class);
            for (int i = 0; i < texts.size(); i++) {
                for (int j = i + 1; j < texts.size(); j++) {
                    Text a = texts.get(i);
                    Text b = texts.get(j);
                    if (a.y() != b.y()) {
                        continue;
                    }
                    double[] ea = extent(g, base, a);
                    double[] eb = extent(g, base, b);
                    boolean apart = ea[1] + 6 <= eb[0] || eb[1] + 6 <= ea[0];
                    assertThat(apart).as("'%s' [%.0f..%.0f] and '%s' [%.0f..%.0f] overlap", a.text(), ea[0], ea[1],
                            b.text(), eb[0], eb[1]).isTrue();
                }
            }
        } finally {
            g.dispose();
        }
    }

    private static double[] extent(Graphics2D g, Font base, Text t) {
        FontMetrics fm = g.getFontMetrics(base.deriveFont(t.bold() ? Font.BOLD : Font.PLAIN, (float) t.size()));
        double w = fm.stringWidth(t.text());
        double x = switch (t.anchor()) {
            case "middle" -> t.x() - w / 2;
            case "end" -> t.x() - w;
            default -> t.x();
        };
        return new double[] {x, x + w};
    }

    @ParameterizedTest
    @ValueSource(strings = {"three-node-hostgw.yaml", "two-node-local.yaml", "three-node-kubernetes.yaml"})
    void theShippedExamplesHaveNoLabelRunningIntoItsValue(String example) throws Exception {
        Path file = EXAMPLES.resolve(example);
        assertThat(Files.exists(file)).as(file.toAbsolutePath().toString()).isTrue();
        TopologyInput in = TopologyInput.of(LabLoader.load(file));
        keep(TopologyLayout.layout(in), "topology-" + example.replace(".yaml", ".png"));
        assertNoTextOverlaps(TopologyLayout.layout(in));
        assertNoTextOverlaps(TopologyLayout.layout(in.withLeases(java.util.Map.of("master", "10.1.123.0/24"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vxlan", "host-gw", "udp"})
    void everyBackendsLinesFitTheirBoxes(String backend) {
        assertNoTextOverlaps(TopologyLayout.layout(TopologyLayoutTest.lab(3, backend)));
        assertNoTextOverlaps(TopologyLayout.layout(TopologyLayoutTest.lab(3, backend, Optional.empty())));
    }

    @Test
    void aLongNodeNameIsShortenedRatherThanRunIntoItsRole() {
        TopologyInput in = TopologyLayoutTest.lab(2, "vxlan");
        TopologyInput longName = new TopologyInput(in.lab(), in.hostCidr(), in.hostIp(), in.overlay(), in.backend(),
                in.overlayDevice(), in.natNic(), List.of(new TopologyInput.NodeInfo("a-very-long-node-name-indeed-01",
                        true, "192.168.58.101", "host0", Optional.empty())));
        Scene s = TopologyLayout.layout(longName);
        assertNoTextOverlaps(s);
        assertThat(s.areas()).extracting(Scene.Area::node).containsExactly("a-very-long-node-name-indeed-01");
    }

    /** Every line segment stays out of every node box's inside, for every node count up to 16. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16})
    void linesGoAroundTheBoxes(int nodes) {
        Scene s = TopologyLayout.layout(TopologyLayoutTest.lab(nodes, "vxlan"));
        if (nodes == 9) {
            keep(s, "topology-9-nodes.png"); // to look at, next to the GUI tests' screenshots
        }
        List<Box> boxes = nodeBoxes(s);
        List<Line> lines = s.all(Line.class);
        assertThat(boxes).hasSize(nodes);
        for (Line l : lines) {
            assertThat(l.x1() == l.x2() || l.y1() == l.y2()).as("axis-parallel: %s", l).isTrue();
            for (Box b : boxes) {
                assertThat(crossesInside(l, b)).as("%s runs through the box at %.0f,%.0f", l, b.x(), b.y()).isFalse();
            }
            assertThat(Math.min(l.x1(), l.x2())).isGreaterThan(0);
            assertThat(Math.max(l.x1(), l.x2())).isLessThan(s.width());
        }
        // Every node still reaches the band and the bar: one line ends on the band, one on the bar, per node.
        Box band = s.all(Box.class).stream().filter(b -> b.fill().equals("overlay.fill")).findFirst().orElseThrow();
        Box bar = s.all(Box.class).stream().filter(b -> b.fill().equals("hostOnly") && b.w() > 300).findFirst().orElseThrow();
        assertThat(lines.stream().filter(l -> l.y2() == band.y() + band.h())).hasSize(nodes);
        assertThat(lines.stream().filter(l -> l.y2() == bar.y())).hasSize(nodes);
        // No two lines cross (they may only meet end to end, where one path turns).
        for (int i = 0; i < lines.size(); i++) {
            for (int j = i + 1; j < lines.size(); j++) {
                assertThat(cross(lines.get(i), lines.get(j))).as("%s crosses %s", lines.get(i), lines.get(j)).isFalse();
            }
        }
    }

    private static void keep(Scene s, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            java.util.Map<String, java.awt.Color> c = java.util.Map.of("background", java.awt.Color.WHITE,
                    "node", new java.awt.Color(0xF3F6FB), "nodeBorder", new java.awt.Color(0x7A8CA5),
                    "hostOnly", new java.awt.Color(0x2B6CB0), "overlay", new java.awt.Color(0xB45309),
                    "overlay.fill", new java.awt.Color(0xFDF3E3), "nat", java.awt.Color.GRAY,
                    "text", java.awt.Color.BLACK, "subtext", java.awt.Color.DARK_GRAY);
            javax.imageio.ImageIO.write(ScenePainter.image(s, Palette.of(c), new Font(Font.SANS_SERIF, Font.PLAIN, 12), 1),
                    "png", dir.resolve(name).toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean crossesInside(Line l, Box b) {
        double minX = Math.min(l.x1(), l.x2());
        double maxX = Math.max(l.x1(), l.x2());
        double minY = Math.min(l.y1(), l.y2());
        double maxY = Math.max(l.y1(), l.y2());
        return maxX > b.x() + 0.5 && minX < b.x() + b.w() - 0.5 && maxY > b.y() + 0.5 && minY < b.y() + b.h() - 0.5;
    }

    /** A vertical and a horizontal segment that meet anywhere but at an end of both. */
    private static boolean cross(Line a, Line b) {
        Line v = a.x1() == a.x2() ? a : b;
        Line h = v == a ? b : a;
        if (v.x1() != v.x2() || h.y1() != h.y2() || h.x1() == h.x2()) {
            return false; // two parallel runs: the distinct-offset rule keeps them apart
        }
        double x = v.x1();
        double y = h.y1();
        boolean meets = x >= Math.min(h.x1(), h.x2()) && x <= Math.max(h.x1(), h.x2())
                && y >= Math.min(v.y1(), v.y2()) && y <= Math.max(v.y1(), v.y2());
        boolean endOfBoth = (y == v.y1() || y == v.y2()) && (x == h.x1() || x == h.x2());
        return meets && !endOfBoth;
    }

    @Test
    void linksAreColouredByTheLastVerification() {
        TopologyInput in = TopologyLayoutTest.lab(2, "vxlan").withChecks(List.of(
                new CheckResult("ping-host-only", "master", Optional.of("node1"), true, "ok"),
                new CheckResult("ping-host-only", "node1", Optional.of("master"), true, "ok"),
                new CheckResult("ping-docker0", "master", Optional.of("node1"), false, "100% loss"),
                new CheckResult("flanneld-active", "master", Optional.empty(), true, "active"),
                new CheckResult("pod-ping", "master", Optional.of("node1"), false, true, "skipped")));
        Scene s = TopologyLayout.layout(in);
        List<String> strokes = s.all(Line.class).stream().map(Line::stroke).toList();
        // Both nodes' overlay links failed (the docker0 ping between them); both host-only links passed.
        assertThat(strokes).contains("link.failed", "link.passed").doesNotContain("overlay", "hostOnly");
        assertThat(in.healthOf("master").failed()).extracting(CheckResult::check).containsExactly("ping-docker0");
        assertThat(in.healthOf("master").passed()).isEqualTo(3);
        assertThat(NodeDetails.of(in, "node1")).contains("node1", "192.168.58.102", "1 failed", "docker0 ping master \u2192 node1");
        // Before a verification the links keep their own colours.
        assertThat(TopologyLayout.layout(TopologyLayoutTest.lab(2, "vxlan")).all(Line.class).stream().map(Line::stroke))
                .containsOnly("overlay", "hostOnly");
    }

    @Test
    void aPointInANodesBoxNamesThatNode() {
        Scene s = TopologyLayout.layout(TopologyLayoutTest.lab(5, "udp"));
        for (Scene.Area a : s.areas()) {
            assertThat(s.nodeAt(a.x() + a.w() / 2, a.y() + a.h() / 2)).map(Scene.Area::node).hasValue(a.node());
        }
        assertThat(s.nodeAt(1, 1)).isEmpty();
        assertThat(s.areas()).extracting(Scene.Area::node).containsExactly("master", "node1", "node2", "node3", "node4");
    }
}
