package dev.overlaylab.engine.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.render.RenderException;
import dev.overlaylab.render.Renderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pods' CNI network from a node's FLANNEL_SUBNET: docker0, the upper half of the subnet, FLANNEL_MTU. */
class CniConfigStepTest {
    @TempDir
    Path tmp;

    private static Lab lab(String name) throws Exception {
        return LabLoader.parse("name: " + name + "\nprovider: local\nnetwork: {cidr: 192.168.81.0/24}\nflannel: {network: 10.81.0.0/16}\n"
                + "kubernetes: {}\n", Optional.empty());
    }

    private static String conflist(String labName, String subnet, int mtu) throws Exception {
        Lab lab = lab(labName);
        return Renderer.builtIn().render(lab, Profiles.of(lab)).cni().of(lab.nodes().get(1), Cidr.parse(subnet), mtu);
    }

    @Test
    void podsGetTheUpperHalfOfTheNodesFlannelSubnetOnDocker0() throws Exception {
        JsonNode c = new ObjectMapper().readTree(conflist("k8c", "10.81.35.1/24", 1450));
        JsonNode bridge = c.get("plugins").get(0);
        assertThat(bridge.get("type").asText()).isEqualTo("bridge");
        assertThat(bridge.get("bridge").asText()).isEqualTo("docker0");
        assertThat(bridge.get("mtu").asInt()).isEqualTo(1450);
        JsonNode range = bridge.get("ipam").get("ranges").get(0).get(0);
        assertThat(range.get("subnet").asText()).isEqualTo("10.81.35.0/24");
        assertThat(range.get("rangeStart").asText()).isEqualTo("10.81.35.128");
        assertThat(range.get("rangeEnd").asText()).isEqualTo("10.81.35.254");
        assertThat(range.get("gateway").asText()).isEqualTo("10.81.35.1");
        assertThat(c.get("_comment").asText()).contains("managed by Overlay Lab (lab k8c,");
    }

    /** The exact bytes the Java code wrote before the conflist was a template, so nodes of existing labs see no change. */
    @Test
    void theTemplateWritesWhatTheJavaCodeWrote() throws Exception {
        assertThat(conflist("k8c", "10.81.35.1/24", 1450)).isEqualTo("""
                {
                  "cniVersion": "1.0.0",
                  "name": "olab-flannel",
                  "_comment": "managed by Overlay Lab (lab k8c, from /run/flannel/subnet.env): edits are overwritten by olab up",
                  "plugins": [
                    {
                      "type": "bridge",
                      "bridge": "docker0",
                      "isGateway": true,
                      "ipMasq": false,
                      "hairpinMode": true,
                      "mtu": 1450,
                      "ipam": {
                        "type": "host-local",
                        "ranges": [[{"subnet": "10.81.35.0/24", "rangeStart": "10.81.35.128", "rangeEnd": "10.81.35.254", "gateway": "10.81.35.1"}]],
                        "routes": [{"dst": "0.0.0.0/0"}]
                      }
                    },
                    {"type": "portmap", "capabilities": {"portMappings": true}}
                  ]
                }
                """);
        assertThat(conflist("kube-local", "10.60.7.1/25", 1400)).isEqualTo("""
                {
                  "cniVersion": "1.0.0",
                  "name": "olab-flannel",
                  "_comment": "managed by Overlay Lab (lab kube-local, from /run/flannel/subnet.env): edits are overwritten by olab up",
                  "plugins": [
                    {
                      "type": "bridge",
                      "bridge": "docker0",
                      "isGateway": true,
                      "ipMasq": false,
                      "hairpinMode": true,
                      "mtu": 1400,
                      "ipam": {
                        "type": "host-local",
                        "ranges": [[{"subnet": "10.60.7.0/25", "rangeStart": "10.60.7.64", "rangeEnd": "10.60.7.126", "gateway": "10.60.7.1"}]],
                        "routes": [{"dst": "0.0.0.0/0"}]
                      }
                    },
                    {"type": "portmap", "capabilities": {"portMappings": true}}
                  ]
                }
                """);
    }

    @Test
    void aTemplatesFolderReplacesTheConflistTemplate() throws Exception {
        Lab lab = lab("k8c");
        Files.createDirectories(tmp.resolve("kube"));
        Files.writeString(tmp.resolve("kube/10-olab-flannel.conflist.ftl"), "{\"node\": \"${node.name}\", \"range\": \"${lease.rangeStart}-${lease.rangeEnd}\"}\n");
        String text = Renderer.withUserTemplates(tmp).cniConflist(lab, Profiles.of(lab), lab.nodes().get(1), Cidr.parse("10.81.35.1/24"), 1450);
        assertThat(text).isEqualTo("{\"node\": \"node1\", \"range\": \"10.81.35.128-10.81.35.254\"}\n");
    }

    @Test
    void filesNotMadeByTheRendererCannotMakeAConflist() throws Exception {
        Lab lab = lab("k8c");
        var bare = new dev.overlaylab.render.RenderedLab(java.util.Map.of(), "{}");
        assertThatThrownBy(() -> bare.cni().of(lab.master(), Cidr.parse("10.81.35.1/24"), 1450)).isInstanceOf(RenderException.class)
                .hasMessageContaining("master");
    }
}
