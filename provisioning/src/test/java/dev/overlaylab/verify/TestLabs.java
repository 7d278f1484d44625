package dev.overlaylab.verify;

import dev.overlaylab.model.Cidr;
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

/** Lab models for tests, built directly (the loader is another layer's job). */
public final class TestLabs {
    private TestLabs() {
    }

    /** A lab named {@code name}; nodes {@code node1..N} at the given host-only addresses, node1 the master. */
    public static Lab lab(String name, String provider, String hostCidr, List<String> ips, String network, String backend,
                          VerifySettings verify) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < ips.size(); i++) {
            nodes.add(new Node("node" + (i + 1), ips.get(i), i == 0 ? Node.Role.MASTER : Node.Role.WORKER,
                    SshEndpoint.of(ips.get(i), 22, "root")));
        }
        String hostIp = Cidr.parse(hostCidr).ip().replaceAll("\\.0$", ".1");
        return new Lab(name, provider, "debian-12", new HostNetwork(hostCidr, hostIp), nodes,
                new EtcdSettings(1, 2379, 2380, "/coreos.com/network", EtcdSettings.EtcdApi.AUTO),
                new FlannelSettings("0.28.9", network, 24, Optional.empty(), Optional.empty(),
                        new FlannelSettings.Backend(backend, Map.of()), Optional.empty(), false,
                        new FlannelSettings.BinarySource(Optional.empty(), Optional.empty(), Optional.of("/var/cache/olab/flanneld"))),
                new DockerSettings(OptionalInt.empty()), verify, Optional.empty());
    }

    public static VerifySettings allChecks() {
        return new VerifySettings(true, true, true, "olab/busybox");
    }
}
