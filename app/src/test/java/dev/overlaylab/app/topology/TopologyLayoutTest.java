package dev.overlaylab.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.topology.Scene.Box;
import dev.overlaylab.app.topology.Scene.Text;
import dev.overlaylab.app.topology.TopologyInput.NodeInfo;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class TopologyLayoutTest {

    static TopologyInput lab(int nodes, String backend) {
        return lab(nodes, backend, Optional.of("nat0"));
    }

    static TopologyInput lab(int nodes, String backend, Optional<String> nat) {
        List<NodeInfo> list = IntStream.range(0, nodes).mapToObj(i -> new NodeInfo(i == 0 ? "master" : "node" + i,
                i == 0, "192.168.58." + (101 + i), "host0",
                i == 0 ? Optional.of("10.1.15.1/24") : Optional.empty())).toList();
        return new TopologyInput("lab<&>", "192.168.58.0/24", "192.168.58.1", "10.1.0.0/16", backend,
                TopologyInput.deviceOf(backend), nat, list);
    }

    private static List<Box> nodeBoxes(Scene s) {
        return s.all(Box.class).stream().filter(b -> b.fill().equals("node")).toList();
    }

    @Test
    void everyNodeGetsABoxWithItsNicsAndAddresses() {
        Scene s = TopologyLayout.layout(lab(2, "vxlan"));
        assertThat(nodeBoxes(s)).hasSize(2);
        List<String> texts = s.all(Text.class).stream().map(Text::text).toList();
        assertThat(texts).contains("master", "node1", "nat0 (NAT)", "10.0.2.15/24", "host0 (host-only)", "192.168.58.101",
                "192.168.58.102", "flannel.1", "docker0", "10.1.15.1/24", "10.1.15.0/32");
        assertThat(texts).anyMatch(t -> t.contains("host-only network 192.168.58.0/24"));
        assertThat(texts).anyMatch(t -> t.contains("overlay 10.1.0.0/16"));
    }

    @Test
    void nodeBoxesNeverOverlapAndWrapAfterThreePerRow() {
        Scene s = TopologyLayout.layout(lab(6, "udp"));
        List<Box> boxes = nodeBoxes(s);
        assertThat(boxes).hasSize(6);
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                Box a = boxes.get(i);
                Box b = boxes.get(j);
                boolean apart = a.x() + a.w() <= b.x() || b.x() + b.w() <= a.x()
                        || a.y() + a.h() <= b.y() || b.y() + b.h() <= a.y();
                assertThat(apart).as("boxes %d and %d overlap", i, j).isTrue();
            }
        }
        assertThat(boxes.stream().map(Box::y).distinct().count()).isEqualTo(2);
        for (Box b : boxes) {
            assertThat(b.x() + b.w()).isLessThanOrEqualTo(s.width());
            assertThat(b.y() + b.h()).isLessThan(s.height());
        }
    }

    @Test
    void overlayIsAboveTheNodesAndTheHostOnlyNetworkBelow() {
        Scene s = TopologyLayout.layout(lab(3, "vxlan"));
        Box overlay = s.all(Box.class).stream().filter(b -> b.fill().equals("overlay.fill")).findFirst().orElseThrow();
        Box bar = s.all(Box.class).stream().filter(b -> b.fill().equals("hostOnly") && b.w() > 300).findFirst().orElseThrow();
        for (Box n : nodeBoxes(s)) {
            assertThat(overlay.y() + overlay.h()).isLessThan(n.y());
            assertThat(bar.y()).isGreaterThan(n.y() + n.h());
        }
    }

    @Test
    void existingMachinesAreDrawnWithoutTheVirtualBoxNatNic() {
        Scene s = TopologyLayout.layout(lab(2, "vxlan", Optional.empty()));
        assertThat(s.all(Text.class).stream().map(Text::text)).doesNotContain("10.0.2.15/24")
                .contains("host0 (host-only)", "docker0");
    }

    @Test
    void liveLeasesGiveDocker0ItsGatewayAndTheFlannelDeviceItsNetworkAddress() {
        TopologyInput live = lab(2, "vxlan").withLeases(Map.of("node1", "10.1.84.0/24"));
        Scene s = TopologyLayout.layout(live);
        assertThat(s.all(Text.class).stream().map(Text::text)).contains("10.1.84.1/24", "10.1.84.0/32");
        assertThat(live.nodes().get(0).subnet()).hasValue("10.1.15.1/24");
    }

    @Test
    void hostGwHasNoFlannelDevice() {
        Scene s = TopologyLayout.layout(lab(2, "host-gw"));
        assertThat(s.all(Text.class).stream().map(Text::text)).doesNotContain("flannel.1", "flannel0")
                .contains("host-gw", "routes via host-only");
    }

    @Test
    void svgExportIsWellFormedXmlWithEscapedText() throws Exception {
        Scene s = TopologyLayout.layout(lab(2, "vxlan"));
        String svg = SvgWriter.write(s, Palette.of(Map.of("text", Color.BLACK)));
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("text").getLength()).isEqualTo(s.all(Text.class).size());
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < doc.getElementsByTagName("text").getLength(); i++) {
            texts.add(doc.getElementsByTagName("text").item(i).getTextContent());
        }
        assertThat(texts).contains("lab<&>");
        assertThat(svg).contains("viewBox=\"0 0 " + (long) s.width());
    }
}
