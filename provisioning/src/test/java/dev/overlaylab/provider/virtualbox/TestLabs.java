package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.DockerSettings;
import dev.overlaylab.model.EtcdSettings;
import dev.overlaylab.model.FlannelSettings;
import dev.overlaylab.model.HostNetwork;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profile;
import dev.overlaylab.model.SshEndpoint;
import dev.overlaylab.model.VerifySettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The seeds' two-node lab and Ubuntu 16.04 profile, built from records (no lab loader needed). */
final class TestLabs {
    private TestLabs() {
    }

    static Profile xenial(String box) {
        return new Profile("ubuntu-16.04", "Ubuntu 16.04 (the seeds' guest)", box, "vagrant", "enp0s3", "enp0s8",
                1024, 1, "ifupdown", List.of("docker.io", "etcd"), "/usr/bin/dockerd", "-H fd://", "2.2.5", "0.7.1",
                Optional.empty());
    }

    static Lab seeds(String cidr, Optional<Path> source) {
        SshEndpoint none = SshEndpoint.of("127.0.0.1", 0, "vagrant");
        Cidr net = Cidr.parse(cidr).normalized();
        return new Lab("seeds", "virtualbox", "ubuntu-16.04", new HostNetwork(cidr, Cidr.formatAddress(net.nthHost(1))),
                List.of(new Node("master", Cidr.formatAddress(net.nthHost(101)), Node.Role.MASTER, none),
                        new Node("worker", Cidr.formatAddress(net.nthHost(102)), Node.Role.WORKER, none)),
                new EtcdSettings(1, 2379, 2380, "/coreos.com/network", EtcdSettings.EtcdApi.AUTO),
                new FlannelSettings("0.7.1", "10.1.0.0/16", 24, Optional.empty(), Optional.empty(),
                        new FlannelSettings.Backend("udp", Map.of()), Optional.of("enp0s8"), false,
                        new FlannelSettings.BinarySource(Optional.empty(), Optional.empty(), Optional.of("flanneld"))),
                new DockerSettings(OptionalInt.empty()),
                new VerifySettings(true, true, true, "olab/busybox"),
                source);
    }
}
