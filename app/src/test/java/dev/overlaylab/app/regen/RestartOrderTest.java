package dev.overlaylab.app.regen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.engine.FileDiff;
import dev.overlaylab.app.engine.NodeDiff;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartOrderTest {

    @Test
    void restartsFollowStageOrderThenNodeOrderAndSkipNodesThatMatch() {
        FileDiff dockerDropIn = new FileDiff("/etc/systemd/system/docker.service.d/flannel.conf", "", List.of("docker"));
        FileDiff flannelUnit = new FileDiff("/etc/systemd/system/flanneld.service", "", List.of("flanneld", "docker"));
        List<NodeDiff> diffs = List.of(new NodeDiff("master", List.of(dockerDropIn, flannelUnit)),
                new NodeDiff("node1", List.of(flannelUnit)), new NodeDiff("node2", List.of()));
        assertThat(RestartOrder.of(diffs)).containsExactly("flanneld on master", "flanneld on node1",
                "docker on master", "docker on node1");
    }

    @Test
    void aNetworkConfigChangeRestartsFlannelAndDockerOnEveryNode() {
        FileDiff config = new FileDiff("/coreos.com/network/config", "", List.of("flanneld", "docker"));
        FileDiff dropIn = new FileDiff("/etc/systemd/system/docker.service.d/flannel.conf", "", List.of("docker"));
        List<NodeDiff> diffs = List.of(new NodeDiff("etcd", List.of(config)), new NodeDiff("node1", List.of(dropIn)));
        assertThat(RestartOrder.of(diffs)).containsExactly("flanneld on every node", "docker on every node");
    }

    @Test
    void nothingChangedMeansNothingRestarts() {
        assertThat(RestartOrder.of(List.of(new NodeDiff("master", List.of())))).isEmpty();
    }
}
