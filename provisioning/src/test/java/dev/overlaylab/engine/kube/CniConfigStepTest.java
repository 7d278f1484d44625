package dev.overlaylab.engine.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.overlaylab.model.Cidr;
import org.junit.jupiter.api.Test;

/** The pods' CNI network from a node's FLANNEL_SUBNET: docker0, the upper half of the subnet, FLANNEL_MTU. */
class CniConfigStepTest {
    @Test
    void podsGetTheUpperHalfOfTheNodesFlannelSubnetOnDocker0() throws Exception {
        JsonNode c = new ObjectMapper().readTree(CniConfigStep.conflist("k8c", Cidr.parse("10.81.35.1/24"), 1450));
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
}
