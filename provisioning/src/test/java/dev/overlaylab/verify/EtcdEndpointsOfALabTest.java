package dev.overlaylab.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.etcd.EtcdEndpoints;
import dev.overlaylab.etcd.Etcdctl;
import dev.overlaylab.model.EtcdSettings;
import dev.overlaylab.model.Lab;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where leases are read from: both etcd adapters dial exactly {@link EtcdEndpoints#fromMaster}. */
class EtcdEndpointsOfALabTest {
    static final Lab THREE = TestLabs.lab("t", "local", "192.168.64.0/24", List.of("192.168.64.10", "192.168.64.11", "192.168.64.12"),
            "10.1.0.0/16", "vxlan", TestLabs.allChecks());

    @Test
    void leasesAreReadThroughEveryEtcdMemberSoOneDownMemberDoesNotBlindVerify() {
        Lab cluster = new Lab(THREE.name(), THREE.provider(), THREE.profile(), THREE.network(), THREE.nodes(),
                new EtcdSettings(3, 2379, 2380, "/coreos.com/network", EtcdSettings.EtcdApi.AUTO), THREE.flannel(), THREE.docker(),
                THREE.verify(), THREE.source());
        assertThat(EtcdEndpoints.fromMaster(cluster).commaSeparated())
                .isEqualTo("http://127.0.0.1:2379,http://192.168.64.10:2379,http://192.168.64.11:2379,http://192.168.64.12:2379");
        assertThat(Etcdctl.onMaster(cluster).base()).isEqualTo("ETCDCTL_API=3 etcdctl --endpoints=http://127.0.0.1:2379,"
                + "http://192.168.64.10:2379,http://192.168.64.11:2379,http://192.168.64.12:2379 --dial-timeout=2s --command-timeout=3s");
    }

    @Test
    void aSingleMemberIsReadOnTheMasterOnly() {
        assertThat(EtcdEndpoints.fromMaster(THREE).urls()).containsExactly("http://127.0.0.1:2379", "http://192.168.64.10:2379");
    }
}
