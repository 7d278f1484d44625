package dev.overlaylab.engine;

import dev.overlaylab.compose.Wiring;
import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.etcd.EtcdTransport;
import dev.overlaylab.model.DockerSettings;
import dev.overlaylab.model.EtcdSettings;
import dev.overlaylab.model.FlannelSettings;
import dev.overlaylab.model.HostNetwork;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.SshEndpoint;
import dev.overlaylab.model.VerifySettings;
import dev.overlaylab.node.NodeLayout;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.engine.Stage.Scope;
import dev.overlaylab.engine.steps.EtcdHealthyStep;
import dev.overlaylab.engine.steps.NetworkConfigStep;
import dev.overlaylab.engine.steps.ProviderUpStep;
import dev.overlaylab.engine.steps.SshLoginStep;
import dev.overlaylab.engine.steps.WriteFilesStep;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.provider.hosts.HostsProvider;
import dev.overlaylab.provider.hosts.PasswordPrompt;
import dev.overlaylab.render.RenderedFile;
import dev.overlaylab.render.RenderedLab;
import dev.overlaylab.ssh.NodeShellFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine against real parts: OpenSSH sshd in two network namespaces, etcd 3.4 in the first,
 * reached through the {@code hosts} provider, the sshj SSH layer and the etcd gateway over an SSH forward. The namespaces share this machine's filesystem and
 * run no systemd, so this proves SSH, etcd health, compare-and-set of the network config (v3 and
 * v2) and file idempotence with {@code .olab-bak}; service restarts need the local provider's nspawn
 * nodes. Rendered file paths point into a temporary folder per node — test data, not a product option.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineOverRealSshAndEtcdTest {
    NetnsNodes nodes;
    final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() throws Exception {
        nodes = new NetnsNodes();
        try {
            nodes.start();
            for (String ip : NetnsNodes.IP) {
                assertThat(dev.overlaylab.exec.Wait.until("SSH banner").timeout(Duration.ofSeconds(20)).check(dev.overlaylab.ssh.SshBanner.probe(ip, NetnsNodes.SSH_PORT, Duration.ofSeconds(2), Duration.ofSeconds(2))).value()).isPresent();
            }
        } catch (Throwable t) {
            nodes.close();
            nodes = null;
            throw t;
        }
    }

    @AfterAll
    void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @BeforeEach
    void clearEtcd() {
        events.clear();
        nodes.run.run(List.of("sh", "-c", "ETCDCTL_API=3 etcdctl --endpoints=http://" + NetnsNodes.IP[0] + ":" + NetnsNodes.ETCD_PORT
                + " del --prefix /olab-it; ETCDCTL_API=2 etcdctl --endpoints=http://" + NetnsNodes.IP[0] + ":" + NetnsNodes.ETCD_PORT
                + " rm --recursive /olab-it-v2"), Duration.ofSeconds(20));
    }

    private Lab lab(String flannelVersion, String prefix) {
        List<Node> ns = List.of(
                new Node("node1", NetnsNodes.IP[0], Node.Role.MASTER, SshEndpoint.of(NetnsNodes.IP[0], NetnsNodes.SSH_PORT, "root")),
                new Node("node2", NetnsNodes.IP[1], Node.Role.WORKER, SshEndpoint.of(NetnsNodes.IP[1], NetnsNodes.SSH_PORT, "root")));
        FlannelSettings flannel = new FlannelSettings(flannelVersion, "10.1.0.0/16", 24, Optional.empty(), Optional.empty(),
                new FlannelSettings.Backend("udp", Map.of()), Optional.empty(), false,
                new FlannelSettings.BinarySource(Optional.empty(), Optional.empty(), Optional.empty()));
        return new Lab("olt-e", "hosts", "debian-12", new HostNetwork("10.200.2.0/24", "10.200.2.1"), ns,
                new EtcdSettings(1, NetnsNodes.ETCD_PORT, 22380, prefix, EtcdSettings.EtcdApi.AUTO), flannel,
                new DockerSettings(OptionalInt.empty()), new VerifySettings(false, false, false, "none"), Optional.empty());
    }

    private Path fileOf(String node, String name) {
        return nodes.dir.resolve(node).resolve(name);
    }

    private RenderedLab rendered(String config, String version) {
        String mark = "# " + NodeLayout.MARKER + "\n";
        return new RenderedLab(Map.of(
                "node1", List.of(new RenderedFile(fileOf("node1", "etc/default/etcd").toString(), mark + "ETCD_NAME=node1\nV=" + version + "\n",
                        0644, "it", List.of())),
                "node2", List.of(new RenderedFile(fileOf("node2", "etc/flannel.env").toString(), mark + "IFACE=olte2n\nV=" + version + "\n",
                        0600, "it", List.of()))), config);
    }

    private static List<Stage> pipeline() {
        return List.of(
                Stage.of("nodes", Scope.LAB, new ProviderUpStep()),
                Stage.of("nodes", Scope.ALL_NODES, new SshLoginStep()),
                Stage.of("files", Scope.ALL_NODES, new WriteFilesStep("it")),
                Stage.of("etcd", Scope.ETCD_NODES, new EtcdHealthyStep()),
                Stage.of("network-config", Scope.LAB, new NetworkConfigStep()));
    }

    /** How the engine reaches etcd; the production transport unless a test runs both. */
    private EtcdTransport transport = Wiring.ETCD;

    private RunResult run(Lab lab, RenderedLab r, boolean force, boolean withProvider) {
        events.clear();
        var connector = nodes.connector();
        NodeShellFactory shells = (l, n) -> connector.connect(n.name(), n.ssh());
        HostsProvider hosts = new HostsProvider(shells, (l, n, pw) -> {
            throw new AssertionError("the lab key is authorized: no password install expected");
        }, PasswordPrompt.NONE);
        // the product's etcd port: the v3 JSON gateway / the v2 keys API over an SSH forward from node1 (or etcdctl on node1)
        // the namespaces share this machine's filesystem: each "node" keeps its restart debts in the test's folder
        Engine engine = new Engine(shells, transport.ports(), null)
                .withPendingFiles(node -> nodes.dir.resolve(node).resolve("pending").toString());
        return engine.run(pipeline(), lab, r, withProvider ? hosts : null, RunOptions.defaults().withForce(force), events::add);
    }

    private List<ProgressEvent> results() {
        return events.stream().filter(e -> e.status() != Status.STARTED && e.status() != Status.PROGRESS).toList();
    }

    private String etcdGet(String api, String key) {
        String get = "3".equals(api) ? "get --print-value-only " : "get ";
        return nodes.run.run(List.of("sh", "-c", "ETCDCTL_API=" + api + " etcdctl --endpoints=http://" + NetnsNodes.IP[0] + ":"
                + NetnsNodes.ETCD_PORT + " " + get + key), Duration.ofSeconds(20)).stdout().strip();
    }

    @Test
    void upTwiceOverRealSshChangesNothing() throws Exception {
        Lab lab = lab("0.28.9", "/olab-it/network");
        String config = "{\"Network\":\"10.1.0.0/16\",\"Backend\":{\"Type\":\"udp\"}}";
        // a file that was there before Overlay Lab: kept as .olab-bak
        Files.createDirectories(fileOf("node1", "etc/default"));
        Files.writeString(fileOf("node1", "etc/default/etcd"), "ETCD_NAME=debian-default\n");

        RunResult first = run(lab, rendered(config, "1"), false, true);

        assertThat(first.ok()).as(first.failures().toString()).isTrue();
        assertThat(Files.readString(fileOf("node1", "etc/default/etcd.olab-bak"))).isEqualTo("ETCD_NAME=debian-default\n");
        assertThat(Files.readString(fileOf("node2", "etc/flannel.env"))).contains("IFACE=olte2n");
        assertThat(Files.getPosixFilePermissions(fileOf("node2", "etc/flannel.env"))).hasSize(2);
        assertThat(etcdGet("3", "/olab-it/network/config")).isEqualTo(config);
        assertThat(results()).anySatisfy(e -> assertThat(e.step()).isEqualTo("ssh banner"));
        assertThat(nodes.firstKeys).as("host keys recorded on first contact, once")
                .containsExactlyInAnyOrder("node1 10.200.2.11:22322", "node2 10.200.2.12:22322");
        long mtime = Files.getLastModifiedTime(fileOf("node1", "etc/default/etcd")).toMillis();

        RunResult second = run(lab, rendered(config, "1"), false, true);

        assertThat(second.ok()).as(second.failures().toString()).isTrue();
        assertThat(second.changed()).isZero();
        assertThat(results()).allSatisfy(e -> assertThat(e.status()).as(e.step() + " " + e.message()).isEqualTo(Status.UNCHANGED));
        assertThat(Files.getLastModifiedTime(fileOf("node1", "etc/default/etcd")).toMillis()).isEqualTo(mtime);

        // a template change writes only the changed file; the original backup is kept
        RunResult third = run(lab, rendered(config, "2"), false, true);
        assertThat(third.ok()).isTrue();
        assertThat(third.changed()).isEqualTo(2);
        assertThat(Files.readString(fileOf("node1", "etc/default/etcd.olab-bak"))).isEqualTo("ETCD_NAME=debian-default\n");
    }

    @ParameterizedTest
    @EnumSource(EtcdTransport.class)
    void realEtcdRefusesAForeignConfigUnlessForced(EtcdTransport transport) {
        this.transport = transport;
        Lab lab = lab("0.28.9", "/olab-it/cas");
        String ours = "{\"Network\":\"10.1.0.0/16\",\"Backend\":{\"Type\":\"udp\"}}";
        String foreign = "{\"Network\":\"172.30.0.0/16\",\"Backend\":{\"Type\":\"vxlan\"}}";
        nodes.run.check(List.of("sh", "-c", "ETCDCTL_API=3 etcdctl --endpoints=http://" + NetnsNodes.IP[0] + ":" + NetnsNodes.ETCD_PORT
                + " put /olab-it/cas/config '" + foreign + "'"), Duration.ofSeconds(20));

        RunResult refused = run(lab, rendered(ours, "1"), false, false);

        assertThat(refused.failures()).singleElement().satisfies(f -> {
            assertThat(f.stage()).isEqualTo("network-config");
            assertThat(f.evidence()).contains(foreign).contains(ours);
            assertThat(f.fix()).contains("--force");
        });
        assertThat(etcdGet("3", "/olab-it/cas/config")).isEqualTo(foreign);

        assertThat(run(lab, rendered(ours, "1"), true, false).ok()).isTrue();
        // a replaced config leaves every node's flanneld owing a restart (kept until a flanneld stage pays it)
        assertThat(fileOf("node2", "pending")).content().contains("restart flanneld");
        assertThat(results()).anySatisfy(e -> assertThat(e.message()).contains("replaced /olab-it/cas/config").contains(foreign));
        assertThat(etcdGet("3", "/olab-it/cas/config")).isEqualTo(ours);

        assertThat(run(lab, rendered(ours, "1"), false, false).changed()).isZero();
    }

    @ParameterizedTest
    @EnumSource(EtcdTransport.class)
    void oldFlannelGetsItsConfigThroughTheV2Api(EtcdTransport transport) {
        this.transport = transport;
        Lab lab = lab("0.7.1", "/olab-it-v2/network");
        String ours = "{\"Network\":\"10.1.0.0/16\"}";

        assertThat(run(lab, rendered(ours, "1"), false, false).ok()).isTrue();
        assertThat(etcdGet("2", "/olab-it-v2/network/config")).isEqualTo(ours);
        assertThat(etcdGet("3", "/olab-it-v2/network/config")).as("not in the v3 keyspace flannel 0.7 cannot read").isEmpty();

        assertThat(run(lab, rendered("{\"Network\":\"10.9.0.0/16\"}", "1"), false, false).failures())
                .singleElement().satisfies(f -> assertThat(f.evidence()).contains(ours));
        assertThat(run(lab, rendered(ours, "1"), false, false).changed()).isZero();
    }

    @Test
    void lostNodeIsNamedAndTheNextRunCompletes() throws Exception {
        Lab lab = lab("0.28.9", "/olab-it/lost");
        String config = "{\"Network\":\"10.1.0.0/16\"}";
        nodes.stopSshd(1);
        try {
            RunResult r = run(lab, rendered(config, "1"), false, false);

            assertThat(r.failures()).singleElement().satisfies(f -> {
                assertThat(f.node()).isEqualTo("node2");
                assertThat(f.step()).isEqualTo("ssh login");
                assertThat(f.what()).contains("node2").contains("10.200.2.12:22322").contains("fix:");
            });
            assertThat(events).noneMatch(e -> e.stage().equals("files"));
        } finally {
            nodes.startSshd(1);
        }
        assertThat(dev.overlaylab.exec.Wait.until("SSH banner").timeout(Duration.ofSeconds(20)).check(dev.overlaylab.ssh.SshBanner.probe(NetnsNodes.IP[1], NetnsNodes.SSH_PORT, Duration.ofSeconds(2), Duration.ofSeconds(2))).value()).isPresent();

        RunResult again = run(lab, rendered(config, "1"), false, false);
        assertThat(again.ok()).as(again.failures().toString()).isTrue();
    }
}
