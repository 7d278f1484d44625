package dev.overlaylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabWriterTest {

    @ParameterizedTest
    @ValueSource(strings = {"two-node-vbox.yaml", "two-node-local.yaml", "three-node-hostgw.yaml", "three-node-kubernetes.yaml"})
    void aWrittenLabReadsBackAsTheSameLab(String example) throws Exception {
        Lab lab = LabLoader.load(LabFiles.example(example));
        String yaml = LabWriter.toYaml(lab);
        Lab again = LabFiles.parse(yaml);
        assertThat(new Lab(again.name(), again.provider(), again.profile(), again.network(), again.nodes(), again.etcd(),
                again.flannel(), again.docker(), again.verify(), again.kubernetes(), lab.source(), again.server())).isEqualTo(lab);
        assertThat(LabWriter.toYaml(again)).as("deterministic").isEqualTo(yaml);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "provider: hosts\nnodes: [{name: a, ip: 192.168.56.10, ssh: {host: a.lan, port: 2222, user: ops, key: /k/id, sudo: false}}]\n",
        "provider: local\nflannel: {subnetMin: 10.1.10.0, subnetMax: 10.1.20.0, iface: host0, ipMasq: true,"
                + " backend: {type: vxlan, DirectRouting: true, VNI: 2}, binary: {url: 'https://example.org/f', sha256: '"
                + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'}}\ndocker: {mtu: 1400}\netcd: {api: v3}\n"})
    void everyOptionalFieldSurvivesTheRoundTrip(String source) throws Exception {
        Lab lab = LabFiles.parse(source);
        assertThat(LabFiles.parse(LabWriter.toYaml(lab))).isEqualTo(lab);
        assertThat(lab.source()).isEqualTo(Optional.empty());
    }
}
