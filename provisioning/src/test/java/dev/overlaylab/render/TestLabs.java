package dev.overlaylab.render;

import dev.overlaylab.model.DockerSettings;
import dev.overlaylab.model.EtcdSettings;
import dev.overlaylab.model.EtcdSettings.EtcdApi;
import dev.overlaylab.model.FlannelSettings;
import dev.overlaylab.model.FlannelSettings.Backend;
import dev.overlaylab.model.FlannelSettings.BinarySource;
import dev.overlaylab.model.HostNetwork;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Node.Role;
import dev.overlaylab.model.Profile;
import dev.overlaylab.model.SshEndpoint;
import dev.overlaylab.model.VerifySettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Labs and profiles built straight from the model records, as the example lab files describe them,
 * so the renderer is tested without the YAML loader.
 */
final class TestLabs {
    private TestLabs() {
    }

    /** The seeds' lab (seed 000): master + node1 on 192.168.56.0/24, flannel 10.1.0.0/16 udp, Ubuntu 16.04. */
    static Lab twoNodeVbox() {
        return lab("two-node-vbox", "virtualbox", "ubuntu-16.04", "192.168.56.0/24",
                nodes("192.168.56.", 101, "master", "node1"),
                new EtcdSettings(1, 2379, 2380, "/coreos.com/network", EtcdApi.AUTO),
                flannel("0.7.1", "10.1.0.0/16", new Backend("udp", Map.of()), false),
                new DockerSettings(OptionalInt.empty()));
    }

    /** Two nspawn nodes on Debian 12, vxlan with options, ip-masq on, docker MTU pinned. */
    static Lab twoNodeLocal() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("Port", 8472);
        options.put("VNI", 1);
        options.put("DirectRouting", true);
        return lab("two-node-local", "local", "debian-12", "192.168.56.0/24",
                nodes("192.168.56.", 11, "n1", "n2"),
                new EtcdSettings(1, 2379, 2380, "/coreos.com/network", EtcdApi.AUTO),
                flannel("0.28.9", "10.1.0.0/16", new Backend("vxlan", options), true),
                new DockerSettings(OptionalInt.of(1400)));
    }

    /** Three nodes, three etcd members, host-gw with SubnetMin/Max, Ubuntu 22.04 (netplan). */
    static Lab threeNodeHostGw() {
        FlannelSettings f = new FlannelSettings("0.26.7", "10.20.0.0/16", 24,
                Optional.of("10.20.10.0"), Optional.of("10.20.99.0"),
                new Backend("host-gw", Map.of()), Optional.empty(), false, binary());
        return lab("three-node-hostgw", "virtualbox", "ubuntu-22.04", "192.168.57.0/24",
                nodes("192.168.57.", 10, "alpha", "beta", "gamma"),
                new EtcdSettings(3, 2379, 2380, "/olab/network", EtcdApi.AUTO),
                f, new DockerSettings(OptionalInt.empty()));
    }

    /** A lab of {@code count} nodes named node001.., on 172.30.0.0/16 (host-only), flannel 10.64.0.0/12 vxlan. */
    static Lab manyNodes(int count) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String ip = "172.30." + (i / 250) + "." + (i % 250 + 1);
            nodes.add(new Node(String.format("node%03d", i), ip, i == 1 ? Role.MASTER : Role.WORKER,
                    SshEndpoint.of(ip, 22, "root")));
        }
        return lab("many", "hosts", "debian-12", "172.30.0.0/16", nodes,
                new EtcdSettings(3, 2379, 2380, "/coreos.com/network", EtcdApi.AUTO),
                flannel("0.28.9", "10.64.0.0/12", new Backend("vxlan", Map.of()), false),
                new DockerSettings(OptionalInt.empty()));
    }

    static Profile profile(String name) {
        return switch (name) {
            case "ubuntu-16.04" -> new Profile(name, "Ubuntu 16.04, docker 1.x era (the seeds)", "ubuntu/xenial64", "vagrant",
                    "enp0s3", "enp0s8", 1024, 1, "ifupdown", List.of("etcd", "docker.io"),
                    "/usr/bin/docker daemon", "-H fd://", "2.2.5", "0.7.1", Optional.empty());
            case "ubuntu-22.04" -> new Profile(name, "Ubuntu 22.04", "ubuntu/jammy64", "vagrant",
                    "enp0s3", "enp0s8", 1024, 1, "netplan", List.of("etcd-server", "docker.io"),
                    "/usr/bin/dockerd", "-H fd:// --containerd=/run/containerd/containerd.sock", "3.3.25", "0.26.7",
                    Optional.empty());
            case "debian-12" -> new Profile(name, "Debian 12", "bookworm", "root",
                    "eth0", "host0", 512, 1, "networkd", List.of("etcd-server", "docker.io"),
                    "/usr/sbin/dockerd", "-H fd://", "3.4.23", "0.28.9", Optional.of("etcd"));
            default -> throw new IllegalArgumentException("no test profile " + name);
        };
    }

    static Profile profileOf(Lab lab) {
        return profile(lab.profile());
    }

    static FlannelSettings flannel(String version, String network, Backend backend, boolean ipMasq) {
        return new FlannelSettings(version, network, 24, Optional.empty(), Optional.empty(), backend,
                Optional.empty(), ipMasq, binary());
    }

    private static BinarySource binary() {
        return new BinarySource(Optional.empty(), Optional.empty(), Optional.of("/var/cache/olab/flanneld"));
    }

    private static List<Node> nodes(String base, int first, String... names) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            String ip = base + (first + i);
            nodes.add(new Node(names[i], ip, i == 0 ? Role.MASTER : Role.WORKER, SshEndpoint.of(ip, 22, "root")));
        }
        return nodes;
    }

    private static Lab lab(String name, String provider, String profile, String cidr, List<Node> nodes,
                           EtcdSettings etcd, FlannelSettings flannel, DockerSettings docker) {
        String hostIp = cidr.substring(0, cidr.lastIndexOf('.')) + ".1";
        return new Lab(name, provider, profile, new HostNetwork(cidr, hostIp), nodes, etcd, flannel, docker,
                new VerifySettings(true, true, true, "olab/busybox"), Optional.empty());
    }
}
