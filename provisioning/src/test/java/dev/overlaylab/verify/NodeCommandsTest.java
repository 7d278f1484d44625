package dev.overlaylab.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.model.EtcdSettings;
import dev.overlaylab.model.Lab;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeCommandsTest {
    static final Lab THREE = TestLabs.lab("t", "local", "192.168.64.0/24", List.of("192.168.64.10", "192.168.64.11", "192.168.64.12"),
            "10.1.0.0/16", "vxlan", TestLabs.allChecks());

    @Test
    void leasesAreReadThroughEveryEtcdMemberSoOneDownMemberDoesNotBlindVerify() {
        Lab cluster = new Lab(THREE.name(), THREE.provider(), THREE.profile(), THREE.network(), THREE.nodes(),
                new EtcdSettings(3, 2379, 2380, "/coreos.com/network", EtcdSettings.EtcdApi.AUTO), THREE.flannel(), THREE.docker(),
                THREE.verify(), THREE.source());
        assertThat(NodeCommands.masterEndpoints(cluster))
                .isEqualTo("http://127.0.0.1:2379,http://192.168.64.10:2379,http://192.168.64.11:2379,http://192.168.64.12:2379");
    }

    @Test
    void aSingleMemberIsReadOnTheMasterOnly() {
        assertThat(NodeCommands.masterEndpoints(THREE)).isEqualTo("http://127.0.0.1:2379,http://192.168.64.10:2379");
    }
}
