package dev.overlaylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.model.EtcdSettings.EtcdApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Lab#etcdApi()}: the one place the etcd API is decided (flannel ≤ 0.17 reads v2 keys, later v3). */
class EtcdApiResolutionTest {

    private static Lab lab(String flannelVersion, EtcdApi setting) throws Exception {
        Lab base = LabLoader.load(LabFiles.example("two-node-local.yaml"));
        FlannelSettings f = base.flannel();
        FlannelSettings flannel = new FlannelSettings(flannelVersion, f.network(), f.subnetLen(), f.subnetMin(), f.subnetMax(),
                f.backend(), f.iface(), f.ipMasq(), f.binary());
        EtcdSettings e = base.etcd();
        return new Lab(base.name(), base.provider(), base.profile(), base.network(), base.nodes(),
                new EtcdSettings(e.members(), e.clientPort(), e.peerPort(), e.prefix(), setting), flannel, base.docker(),
                base.verify(), base.source());
    }

    @ParameterizedTest
    @CsvSource({"0.7.1, V2", "0.10.0, V2", "0.17.0, V2", "0.18.0, V3", "0.28.9, V3", "1.0.0, V3"})
    void autoFollowsTheFlannelVersion(String version, EtcdApi expected) throws Exception {
        assertThat(lab(version, EtcdApi.AUTO).etcdApi()).isEqualTo(expected);
    }

    @Test
    void anExplicitSettingWins() throws Exception {
        assertThat(lab("0.28.9", EtcdApi.V2).etcdApi()).isEqualTo(EtcdApi.V2);
        assertThat(lab("0.7.1", EtcdApi.V3).etcdApi()).isEqualTo(EtcdApi.V3);
    }
}
