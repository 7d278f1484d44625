package dev.overlaylab.engine;

import dev.overlaylab.etcd.MemoryEtcd;
import dev.overlaylab.model.DockerSettings;
import dev.overlaylab.model.EtcdSettings;
import dev.overlaylab.model.FlannelSettings;
import dev.overlaylab.model.HostNetwork;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.SshEndpoint;
import dev.overlaylab.model.VerifySettings;
import dev.overlaylab.engine.steps.WriteFilesStep;
import dev.overlaylab.node.NodeLayout;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.render.RenderedFile;
import dev.overlaylab.render.RenderedLab;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/** A two-node lab (the seeds' one) on fake nodes, with a rendering, an in-memory etcd and a provider. */
final class FakeLab {
    static final String DROP_IN = "/etc/systemd/system/docker.service.d/flannel.conf";
    static final String ETCD_DEFAULT = "/etc/default/etcd";
    static final String FLANNEL_UNIT = "/lib/systemd/system/flanneld.service";
    static final String FLANNELD = "/opt/bin/flanneld";
    static final String CONFIG = "{\"Network\":\"10.1.0.0/16\",\"Backend\":{\"Type\":\"udp\"}}";
    static final String MARK = "# " + NodeLayout.MARKER + "\n";

    final Lab lab;
    final FakeNode node1 = new FakeNode("node1", "10.1.15.1/24", DROP_IN);
    final FakeNode node2 = new FakeNode("node2", "10.1.71.1/24", DROP_IN);
    final Map<String, FakeNode> nodes = new LinkedHashMap<>();
    /** etcd in memory, deciding writes with the product's compare-and-set. */
    final MemoryEtcd etcd = new MemoryEtcd();
    final FakeProvider provider = new FakeProvider();
    final AtomicInteger shellsOpened = new AtomicInteger();
    String dockerDropIn = MARK + "[Service]\nEnvironmentFile=/run/flannel/subnet.env\nExecStart=\nExecStart=/usr/bin/dockerd --bip=${FLANNEL_SUBNET} --mtu=${FLANNEL_MTU}\n";
    String etcdDefault = MARK + "ETCD_LISTEN_CLIENT_URLS=\"http://0.0.0.0:2379\"\nETCD_ADVERTISE_CLIENT_URLS=\"http://192.168.56.101:2379\"\n";

    FakeLab(java.nio.file.Path flanneldBinary) {
        nodes.put("node1", node1);
        nodes.put("node2", node2);
        // fresh machines as a package install leaves them: docker running on 172.17, etcd running on the master
        for (FakeNode n : nodes.values()) {
            n.active.put("docker", true);
            n.enabled.add("docker");
            n.docker0 = FakeNode.DOCKER_DEFAULT;
        }
        node1.active.put("etcd", true);
        node1.enabled.add("etcd");
        List<Node> ns = List.of(
                new Node("node1", "192.168.56.101", Node.Role.MASTER, SshEndpoint.of("127.0.0.1", 2222, "vagrant")),
                new Node("node2", "192.168.56.102", Node.Role.WORKER, SshEndpoint.of("127.0.0.1", 2200, "vagrant")));
        FlannelSettings flannel = new FlannelSettings("0.28.9", "10.1.0.0/16", 24, Optional.empty(), Optional.empty(),
                new FlannelSettings.Backend("udp", Map.of()), Optional.of("enp0s8"), false,
                new FlannelSettings.BinarySource(Optional.empty(), Optional.empty(), Optional.of(flanneldBinary.toString())));
        lab = new Lab("seeds", "fake", "ubuntu-16.04", new HostNetwork("192.168.56.0/24", "192.168.56.1"), ns,
                new EtcdSettings(1, 2379, 2380, "/coreos.com/network", EtcdSettings.EtcdApi.AUTO), flannel,
                new DockerSettings(OptionalInt.empty()), new VerifySettings(true, true, true, "olab/busybox"), Optional.empty());
    }

    RenderedLab rendered() {
        Map<String, List<RenderedFile>> files = new LinkedHashMap<>();
        for (Node n : lab.nodes()) {
            List<RenderedFile> fs = new ArrayList<>();
            fs.add(new RenderedFile("/etc/network/interfaces.d/enp0s8",
                    MARK + "auto enp0s8\niface enp0s8 inet static\n  address " + n.ip() + "\n  netmask 255.255.255.0\n", 0644, "network", List.of()));
            if (n.role() == Node.Role.MASTER) {
                fs.add(new RenderedFile(ETCD_DEFAULT, etcdDefault, 0644, "etcd", List.of("etcd")));
            }
            fs.add(new RenderedFile(FLANNEL_UNIT, MARK + "[Service]\nType=notify\nExecStart=" + FLANNELD
                    + " -etcd-endpoints=http://192.168.56.101:2379 --iface=enp0s8\n", 0644, "flannel", List.of("flanneld")));
            fs.add(new RenderedFile(DROP_IN, dockerDropIn, 0644, "docker", List.of("docker")));
            files.put(n.name(), fs);
        }
        return new RenderedLab(files, CONFIG);
    }

    Engine engine() {
        return new Engine((l, n) -> {
            shellsOpened.incrementAndGet();
            return nodes.get(n.name());
        }, (l, master) -> etcd, null);
    }

    RunResult up(RunOptions options, ProgressListener listener) {
        return engine().up(lab, rendered(), provider, options, listener);
    }

    RunResult up() {
        return up(RunOptions.defaults(), ProgressListener.NONE);
    }

    void forget() {
        nodes.values().forEach(FakeNode::forget);
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A provider whose nodes already run; counts calls so a dry run can be shown to call none. */
    final class FakeProvider implements Provider {
        final AtomicInteger ups = new AtomicInteger();
        /** Thrown by {@link #up} when set, as a real provider would fail. */
        volatile RuntimeException upFails;
        Optional<String> unavailable = Optional.empty();

        @Override
        public String id() {
            return "fake";
        }

        @Override
        public Optional<String> unavailableReason() {
            return unavailable;
        }

        @Override
        public List<String> plan(Lab l) {
            return List.of("start node1", "start node2");
        }

        @Override
        public List<Node> up(Lab l, ProgressListener progress) {
            ups.incrementAndGet();
            if (upFails != null) {
                throw upFails;
            }
            return l.nodes();
        }

        @Override
        public List<Node> endpoints(Lab l) {
            return l.nodes();
        }

        @Override
        public void down(Lab l, ProgressListener progress) {
        }

        @Override
        public List<dev.overlaylab.provider.Removal> downPreview(Lab l) {
            return List.of();
        }
    }
}
