package dev.overlaylab.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.wizard.WizardDraft.NodeRow;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class WizardDraftTest {

    @Test
    void nodesArePrefilledLikeTheSeedsFromTheHostOnlyNetwork() {
        WizardDraft d = new WizardDraft();
        d.hostCidr = "192.168.58.0/24";
        d.renumberNodes();
        d.prefillNodes(3);
        assertThat(d.nodes).containsExactly(new NodeRow("master", "192.168.58.101"),
                new NodeRow("node1", "192.168.58.102"), new NodeRow("node2", "192.168.58.103"));
        assertThat(d.hostIp()).isEqualTo("192.168.58.1");
    }

    @Test
    void aNewNetworkRenumbersNodesButKeepsTheirNames() {
        WizardDraft d = new WizardDraft();
        d.nodes.set(1, new NodeRow("worker-a", "192.168.56.102"));
        d.hostCidr = "10.20.0.0/16";
        d.renumberNodes();
        assertThat(d.nodes).containsExactly(new NodeRow("master", "10.20.0.101"), new NodeRow("worker-a", "10.20.0.102"));
    }

    @Test
    void moreNodesKeepTheRowsThePersonEditedAndNumberTheNewOnes() {
        WizardDraft d = new WizardDraft();
        d.nodes.set(0, new NodeRow("ctl", "192.168.56.10"));
        d.prefillNodes(3);
        assertThat(d.nodes).containsExactly(new NodeRow("ctl", "192.168.56.10"), new NodeRow("node1", "192.168.56.102"),
                new NodeRow("node2", "192.168.56.103"));
        d.prefillNodes(1);
        assertThat(d.nodes).containsExactly(new NodeRow("ctl", "192.168.56.10"));
    }

    @Test
    void anUnparsableNetworkLeavesAddressesEmptyForValidationToReport() {
        WizardDraft d = new WizardDraft();
        d.hostCidr = "192.168.56.0/33";
        d.renumberNodes();
        assertThat(d.nodes).extracting(NodeRow::ip).containsOnly("");
        d.hostCidr = "192.168.56.0/30";
        d.renumberNodes();
        assertThat(d.nodes).extracting(NodeRow::ip).containsOnly("");
    }

    @Test
    void switchingBackendResetsThePortToThatBackendsDefault() {
        WizardDraft d = new WizardDraft();
        d.setBackend(BackendChoice.UDP);
        assertThat(d.port).isEqualTo(8285);
        d.setBackend(BackendChoice.DIRECT_ROUTING);
        assertThat(d.port).isEqualTo(8472);
    }

    @Test
    void labFileHasTheFieldsAReaderNeedsAndOnlyNonDefaultOptions() {
        WizardDraft d = new WizardDraft();
        d.name = "seeds";
        d.setBackend(BackendChoice.DIRECT_ROUTING);
        d.dockerMtu = OptionalInt.of(1400);
        String y = LabYamlWriter.write(d);
        assertThat(y).contains("name: seeds\n", "provider: local\n", "  cidr: 192.168.56.0/24\n",
                "  - name: master\n    ip: 192.168.56.101\n", "  network: 10.1.0.0/16\n", "    type: vxlan\n",
                "    DirectRouting: true\n", "docker:\n  mtu: 1400\n");
        assertThat(y).doesNotContain("Port:", "VNI:", "ipMasq");
    }

    @Test
    void aRemoteVirtualBoxLabCarriesItsServerAndNoPassword() throws Exception {
        WizardDraft d = new WizardDraft();
        d.provider = "virtualbox-ws";
        d.profile = "ubuntu-16.04";
        d.name = "olg-ws";
        d.serverUrl = "https://lab-server:18083/";
        d.serverUser = "alice";
        String y = LabYamlWriter.write(d);
        assertThat(y).contains("server:\n  url: \"https://lab-server:18083/\"\n  user: alice\n").doesNotContain("password");
        var lab = dev.overlaylab.model.LabLoader.parse(y, java.util.Optional.empty());
        assertThat(lab.server()).contains(new dev.overlaylab.model.VBoxWebServer("https://lab-server:18083/", "alice"));
    }

    @Test
    void everyBackendChoiceWritesALabFileTheRealLoaderAccepts() throws Exception {
        for (BackendChoice c : BackendChoice.values()) {
            WizardDraft d = new WizardDraft();
            d.provider = "hosts";
            d.profile = "debian-12";
            d.name = "olg-" + c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            d.setBackend(c);
            d.port = c.hasPort() ? 9000 : d.port;
            d.dockerMtu = OptionalInt.of(1400);
            d.ipMasq = true;
            d.flannelBinaryFile = java.util.Optional.of("/tmp/flanneld");
            var lab = dev.overlaylab.model.LabLoader.parse(LabYamlWriter.write(d), java.util.Optional.empty());
            assertThat(lab.flannel().backend().type()).as(c.name()).isEqualTo(c.type());
            assertThat(lab.flannel().backend().options().containsKey("DirectRouting")).isEqualTo(c.directRouting());
            assertThat(lab.nodes()).hasSize(2);
            assertThat(lab.flannel().ipMasq()).isTrue();
            assertThat(lab.docker().mtu()).hasValue(1400);
            assertThat(lab.flannel().binary().file()).hasValue("/tmp/flanneld");
        }
    }

    @Test
    void oddUserTextIsQuotedSoItCannotChangeTheYamlStructure() {
        assertThat(LabYamlWriter.scalar("master")).isEqualTo("master");
        assertThat(LabYamlWriter.scalar("10.1.0.0/16")).isEqualTo("10.1.0.0/16");
        assertThat(LabYamlWriter.scalar("yes")).isEqualTo("\"yes\"");
        assertThat(LabYamlWriter.scalar("")).isEqualTo("\"\"");
        assertThat(LabYamlWriter.scalar("a: b\nc")).isEqualTo("\"a: b\\nc\"");
        assertThat(LabYamlWriter.scalar("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
    }

    @Test
    void backendChoicesMapBackFromLabFileValues() {
        assertThat(BackendChoice.of("vxlan", true)).isEqualTo(BackendChoice.DIRECT_ROUTING);
        assertThat(BackendChoice.of("host-gw", false)).isEqualTo(BackendChoice.HOST_GW);
        assertThat(BackendChoice.HOST_GW.hasPort()).isFalse();
        assertThat(BackendChoice.UDP.hasVni()).isFalse();
    }
}
