package dev.overlaylab.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.provider.local.LocalNames;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProvisionPreviewTest {
    private static Lab lab(String provider, String profile) throws Exception {
        return LabLoader.parse("""
                name: demo
                provider: %s
                profile: %s
                network: {cidr: 192.168.60.0/24}
                nodes:
                  - {name: master, ip: 192.168.60.101}
                  - {name: node1, ip: 192.168.60.102}
                """.formatted(provider, profile), Optional.empty());
    }

    @Test
    void aLocalLabNamesTheContainersBridgeAndFolderItMakesAsRoot() throws Exception {
        String text = ProvisionPreview.describe(lab("local", "debian-12-nspawn"), true);
        String bridge = new LocalNames("demo", java.nio.file.Path.of("/var/lib/overlay-lab")).bridge();
        assertThat(text).contains("as root", "2 systemd-nspawn containers", "ol-demo-master (192.168.60.101)",
                "ol-demo-node1 (192.168.60.102)", bridge, "192.168.60.1", "/var/lib/overlay-lab/demo",
                "etcd (on master)", "flanneld (vxlan");
    }

    @Test
    void otherProvidersSayWhatTheyMakeWithoutClaimingRoot() throws Exception {
        assertThat(ProvisionPreview.describe(lab("virtualbox", "debian-12"), false))
                .contains("2 VirtualBox VMs", "demo-master (192.168.60.101)").doesNotContain("root");
        assertThat(ProvisionPreview.describe(lab("hosts", "debian-12"), false))
                .contains("master (192.168.60.101), node1 (192.168.60.102)", "over SSH").doesNotContain("root");
    }
}
