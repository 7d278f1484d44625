package dev.overlaylab.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.compose.LabStatus.State;
import dev.overlaylab.engine.LabInspector.NodeStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one-word verdict a lab list shows, from the node states {@code olab status} reads. */
class LabStatusTest {

    private static Map<String, Boolean> services(boolean etcd, boolean flanneld, boolean docker) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        m.put("etcd", etcd);
        m.put("flanneld", flanneld);
        m.put("docker", docker);
        return m;
    }

    private static NodeStatus healthy(String node, String lease, String docker0) {
        return new NodeStatus(node, true, "", services(true, true, true), lease, docker0);
    }

    @Test
    void everyNodeHealthyIsUp() {
        LabStatus s = LabStatus.judge(List.of(healthy("master", "10.87.1.1/24", "10.87.1.1/24"),
                healthy("node1", "10.87.2.1/24", "10.87.2.1/24")), false);
        assertThat(s.state()).isEqualTo(State.UP);
    }

    @Test
    void aStoppedServiceOrAnUnreachableNodeIsBrokenAndNamed() {
        LabStatus s = LabStatus.judge(List.of(
                new NodeStatus("master", true, "", services(true, false, false), "10.87.1.1/24", ""),
                new NodeStatus("node1", false, "connection refused", Map.of(), "", "")), false);
        assertThat(s.state()).isEqualTo(State.BROKEN);
        assertThat(s.reason()).isEqualTo("master: flanneld, docker are not running; node1 cannot be reached");
    }

    @Test
    void docker0OffItsLeaseIsBroken() {
        LabStatus s = LabStatus.judge(List.of(healthy("master", "10.87.1.1/24", "172.17.0.1/16")), false);
        assertThat(s.state()).isEqualTo(State.BROKEN);
        assertThat(s.reason()).isEqualTo("master: docker0 is not on its flannel subnet 10.87.1.1/24");
    }

    @Test
    void existingMachinesWithoutFlannelAnywhereAreNotCreatedButMadeMachinesAreBroken() {
        List<NodeStatus> bare = List.of(new NodeStatus("a", true, "", services(false, false, true), "", "172.17.0.1/16"),
                new NodeStatus("b", true, "", services(false, false, false), "", ""));
        assertThat(LabStatus.judge(bare, true).state()).isEqualTo(State.NOT_CREATED);
        assertThat(LabStatus.judge(bare, false).state()).isEqualTo(State.BROKEN);
    }
}
