package dev.overlaylab.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.etcd.EtcdGateway.Api;
import dev.overlaylab.etcd.EtcdGateway.ConfigWrite;
import dev.overlaylab.model.SshEndpoint;
import dev.overlaylab.ssh.HostKeyListener;
import dev.overlaylab.ssh.KnownHostsStore;
import dev.overlaylab.ssh.LabKeys;
import dev.overlaylab.ssh.OpenSshServer;
import dev.overlaylab.ssh.SshConnector;
import dev.overlaylab.ssh.SshNodeShell;
import dev.overlaylab.ssh.SshTimeouts;
import dev.overlaylab.ssh.TestNetns;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The way the engine reaches etcd: a "master" network namespace (olt-s1, 10.200.1.2) running a real
 * sshd and a real etcd; the desktop side reaches etcd only through an SSH local forward, including
 * etcd listening on the master's own 127.0.0.1, which no other machine can route to.
 */
@Tag("integration")
class EtcdThroughSshTest {
    static final String NS_ADDRESS = "10.200.1.2";
    static final int SSH_PORT = 22280;
    static final int CLIENT_PORT = 23790;

    @TempDir(factory = dev.overlaylab.ssh.OltTempDir.class)
    static Path tmp;
    static TestNetns netns;
    static OpenSshServer sshd;
    static EtcdServer etcd;
    static SshNodeShell master;

    @BeforeAll
    static void startMaster() throws Exception {
        OpenSshServer.requirePrereqs();
        EtcdServer.requireEtcd();
        netns = TestNetns.create("olt-s1", "olts1h", "olts1n", "10.200.1.1/28", NS_ADDRESS + "/28");
        LabKeys keys = LabKeys.in(tmp.resolve("keys"), "overlay-lab:netns");
        sshd = new OpenSshServer(tmp.resolve("sshd"), NS_ADDRESS, SSH_PORT, netns.name()).start(keys.publicKeyLine());
        etcd = new EtcdServer(tmp.resolve("etcd"), List.of(NS_ADDRESS, "127.0.0.1"), CLIENT_PORT, CLIENT_PORT + 5, netns.name()).start(true);
        etcd.awaitHealthy(etcd.clientUrl());
        SshConnector connector = new SshConnector(new KnownHostsStore(tmp.resolve("known_hosts")), keys, HostKeyListener.NONE,
                SshTimeouts.defaults());
        master = connector.connect("master", SshEndpoint.of(NS_ADDRESS, SSH_PORT, "root"));
    }

    @AfterAll
    static void stopMaster() throws Exception {
        try {
            if (master != null) {
                master.close();
            }
        } finally {
            try {
                if (etcd != null) {
                    etcd.close();
                }
                if (sshd != null) {
                    sshd.close();
                }
            } finally {
                if (netns != null) {
                    netns.close();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void etcdOnTheMastersLoopbackIsReachedThroughTheForward(Api api) {
        String prefix = "/olab-fwd-" + api + "/network";
        try (EtcdGateway gw = EtcdConnections.throughSsh(master, "127.0.0.1", CLIENT_PORT, api, new EtcdKeys(prefix), Duration.ofSeconds(10))) {
            assertThat(gw.endpoint()).startsWith("http://127.0.0.1:").contains("via ssh to master");
            assertThat(gw.health().healthy()).as(gw.health().detail()).isTrue();
            assertThat(gw.writeConfig(EtcdGatewayTest.CONFIG, false)).isEqualTo(ConfigWrite.CREATED);
            assertThat(gw.writeConfig(EtcdGatewayTest.CONFIG, false)).isEqualTo(ConfigWrite.UNCHANGED);
            assertThatThrownBy(() -> gw.writeConfig(EtcdGatewayTest.FOREIGN_CONFIG, false)).isInstanceOf(ConfigConflictException.class)
                    .hasMessageContaining("127.0.0.1:" + CLIENT_PORT + " via ssh to master");
        }
        // the same value is visible from inside the master, with etcdctl, like flanneld would see it
        if (api == Api.V3) {
            String got = master.exec("ETCDCTL_API=3 etcdctl --endpoints=http://127.0.0.1:" + CLIENT_PORT
                    + " get --print-value-only " + prefix + "/config").orThrow().stdout().strip();
            assertThat(got).isEqualTo(EtcdGatewayTest.CONFIG);
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void etcdOnTheHostOnlyAddressIsReachedThroughTheForwardAndLeasesRead(Api api) throws Exception {
        String prefix = "/olab-fwd2-" + api + "/network";
        EtcdKeys keys = new EtcdKeys(prefix);
        try (EtcdGateway gw = EtcdConnections.throughSsh(master, NS_ADDRESS, CLIENT_PORT, api, keys, Duration.ofSeconds(10))) {
            assertThat(gw.leases()).isEmpty();
            master.exec(api == Api.V3
                    ? "ETCDCTL_API=3 etcdctl --endpoints=http://127.0.0.1:" + CLIENT_PORT + " put " + keys.subnet("10.1.35.0/24")
                            + " '" + EtcdGatewayTest.LEASE + "'"
                    : "curl -sf -X PUT http://127.0.0.1:" + CLIENT_PORT + "/v2/keys" + keys.subnet("10.1.35.0/24")
                            + " --data-urlencode 'value=" + EtcdGatewayTest.LEASE + "'").orThrow();
            assertThat(gw.leases()).singleElement().satisfies(l -> {
                assertThat(l.subnet()).isEqualTo("10.1.35.0/24");
                assertThat(l.publicIp()).isEqualTo("192.168.56.101");
                assertThat(l.backendData()).containsEntry("VtepMAC", "ae:1b:9f:2a:10:01");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void closingTheGatewayClosesItsForward(Api api) throws Exception {
        int localPort;
        try (EtcdGateway gw = EtcdConnections.throughSsh(master, "127.0.0.1", CLIENT_PORT, api, EtcdKeys.flannelDefault(), Duration.ofSeconds(5))) {
            localPort = java.net.URI.create(gw.endpoint().split(" ")[0]).getPort();
            assertThat(gw.health().healthy()).isTrue();
        }
        try (java.net.Socket s = new java.net.Socket()) {
            assertThatThrownBy(() -> s.connect(new java.net.InetSocketAddress("127.0.0.1", localPort), 1000))
                    .isInstanceOf(java.net.ConnectException.class);
        }
        assertThat(master.exec("true").ok()).as("the SSH connection stays usable").isTrue();
    }
}
