package dev.overlaylab.provider.local;

import dev.overlaylab.model.DockerSettings;
import dev.overlaylab.model.EtcdSettings;
import dev.overlaylab.model.FlannelSettings;
import dev.overlaylab.model.HostNetwork;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.SshEndpoint;
import dev.overlaylab.model.VerifySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Labs for the local provider's tests, built directly (the lab loader is another layer's work). */
final class TestLabs {
    private TestLabs() {
    }

    /** {@code count} nodes on {@code cidr} (.10, .11, ...), host side .1. */
    static Lab lab(String name, String cidr, int count) {
        String base = cidr.substring(0, cidr.lastIndexOf('.') + 1);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            nodes.add(new Node(i == 0 ? "master" : "worker" + i, base + (10 + i), i == 0 ? Node.Role.MASTER : Node.Role.WORKER,
                    SshEndpoint.of(base + (10 + i), 22, "root")));
        }
        FlannelSettings flannel = new FlannelSettings("0.28.9", "10.1.0.0/16", 24, Optional.empty(), Optional.empty(),
                new FlannelSettings.Backend("vxlan", Map.of()), Optional.of("host0"), false,
                new FlannelSettings.BinarySource(Optional.empty(), Optional.empty(),
                        Optional.of("/var/cache/overlay-lab/flannel/flanneld-v0.28.9")));
        return new Lab(name, "local", "debian-12-nspawn", new HostNetwork(cidr, base + "1"), nodes,
                new EtcdSettings(1, 2379, 2380, "/coreos.com/network", EtcdSettings.EtcdApi.AUTO), flannel,
                new DockerSettings(OptionalInt.empty()), new VerifySettings(true, true, true, "olab/busybox"), Optional.empty());
    }
}
