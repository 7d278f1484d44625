package dev.overlaylab.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.etcd.EtcdPort.ConfigWrite.Change;
import dev.overlaylab.model.EtcdSettings.EtcdApi;
import dev.overlaylab.model.SshEndpoint;
import dev.overlaylab.ssh.HostKeyListener;
import dev.overlaylab.ssh.KnownHostsStore;
import dev.overlaylab.ssh.LabKeys;
import dev.overlaylab.ssh.LocalForward;
import dev.overlaylab.ssh.NodeShell;
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
 * Both adapters of the etcd port over a real SSH connection: a "master" network namespace (olt-s1,
 * 10.200.1.2) running a real sshd and a real etcd. The client adapter reaches etcd only through SSH
 * local forwards, including etcd on the master's own 127.0.0.1, which no other machine can route to;
 * the etcdctl adapter runs the real etcdctl on the master through the same connection.
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

    private static EtcdPort forward(NodeShell via, List<String> hosts, EtcdApi api, EtcdKeys keys) {
        return EtcdPorts.throughForward(via, new EtcdEndpoints(hosts, CLIENT_PORT), api, keys, Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @EnumSource(value = EtcdApi.class, names = {"V2", "V3"})
    void etcdOnTheMastersLoopbackIsReachedThroughTheForward(EtcdApi api) {
        String prefix = "/olab-fwd-" + api + "/network";
        try (EtcdPort gw = forward(master, List.of("127.0.0.1"), api, new EtcdKeys(prefix))) {
            assertThat(gw.endpoint()).isEqualTo("127.0.0.1 port " + CLIENT_PORT + " via ssh to master");
            assertThat(gw.health().healthy()).as(gw.health().detail()).isTrue();
            assertThat(gw.writeConfig(EtcdGatewayTest.CONFIG, false).change()).isEqualTo(Change.CREATED);
            assertThat(gw.writeConfig(EtcdGatewayTest.CONFIG, false).change()).isEqualTo(Change.UNCHANGED);
            assertThatThrownBy(() -> gw.writeConfig(EtcdGatewayTest.FOREIGN_CONFIG, false)).isInstanceOf(ConfigConflictException.class)
                    .hasMessageContaining("via ssh to master");
        }
        // the same value, read on the master with etcdctl (the other adapter), like flanneld would see it
        try (EtcdPort onMaster = new EtcdctlPort(master, Etcdctl.of(api, EtcdEndpoints.of("127.0.0.1", CLIENT_PORT)),
                new EtcdKeys(prefix), "127.0.0.1:" + CLIENT_PORT)) {
            assertThat(onMaster.readConfig()).contains(EtcdGatewayTest.CONFIG);
        }
    }

    @ParameterizedTest
    @EnumSource(value = EtcdApi.class, names = {"V2", "V3"})
    void etcdctlOnTheMasterWritesComparesAndReadsLeases(EtcdApi api) {
        String prefix = "/olab-ctl-" + api + "/network";
        EtcdKeys keys = new EtcdKeys(prefix);
        EtcdEndpoints endpoints = new EtcdEndpoints(List.of("127.0.0.1", NS_ADDRESS), CLIENT_PORT);
        try (EtcdPort gw = new EtcdctlPort(master, Etcdctl.of(api, endpoints), keys, endpoints.commaSeparated())) {
            assertThat(gw.endpoint()).contains("via etcdctl on master");
            assertThat(gw.health().healthy()).as(gw.health().detail()).isTrue();
            assertThat(gw.readConfig()).isEmpty();
            assertThat(gw.writeConfig(EtcdGatewayTest.CONFIG, false).change()).isEqualTo(Change.CREATED);
            assertThat(gw.writeConfig(EtcdGatewayTest.SAME_CONFIG_OTHER_SPACING, false).change()).isEqualTo(Change.UNCHANGED);
            assertThatThrownBy(() -> gw.writeConfig(EtcdGatewayTest.FOREIGN_CONFIG, false)).isInstanceOf(ConfigConflictException.class);
            assertThat(gw.writeConfig(EtcdGatewayTest.FOREIGN_CONFIG, true).change()).isEqualTo(Change.OVERWRITTEN);
            putLease(api, keys);
            assertThat(gw.leases()).singleElement().satisfies(l -> assertThat(l.backendData()).containsEntry("VtepMAC", "ae:1b:9f:2a:10:01"));
        }
        // and the client adapter through the forward sees the same
        try (EtcdPort viaForward = forward(master, List.of(NS_ADDRESS), api, keys)) {
            assertThat(viaForward.readConfig()).contains(EtcdGatewayTest.FOREIGN_CONFIG);
        }
    }

    private static void putLease(EtcdApi api, EtcdKeys keys) {
        master.exec(api == EtcdApi.V3
                ? "ETCDCTL_API=3 etcdctl --endpoints=http://127.0.0.1:" + CLIENT_PORT + " put " + keys.subnet("10.1.35.0/24")
                        + " '" + EtcdGatewayTest.LEASE + "'"
                : "curl -sf -X PUT http://127.0.0.1:" + CLIENT_PORT + "/v2/keys" + keys.subnet("10.1.35.0/24")
                        + " --data-urlencode 'value=" + EtcdGatewayTest.LEASE + "'").orThrow();
    }

    @ParameterizedTest
    @EnumSource(value = EtcdApi.class, names = {"V2", "V3"})
    void etcdOnTheHostOnlyAddressIsReachedThroughTheForwardAndLeasesRead(EtcdApi api) throws Exception {
        String prefix = "/olab-fwd2-" + api + "/network";
        EtcdKeys keys = new EtcdKeys(prefix);
        // 127.0.0.2 has nothing on the port on the master (etcd binds 127.0.0.1): like a member that is down
        try (EtcdPort gw = forward(master, List.of("127.0.0.2", NS_ADDRESS), api, keys)) {
            assertThat(gw.leases()).isEmpty();
            putLease(api, keys);
            assertThat(gw.leases()).singleElement().satisfies(l -> {
                assertThat(l.subnet()).isEqualTo("10.1.35.0/24");
                assertThat(l.publicIp()).isEqualTo("192.168.56.101");
                assertThat(l.backendData()).containsEntry("VtepMAC", "ae:1b:9f:2a:10:01");
            });
            assertThat(gw.writeConfig(EtcdGatewayTest.CONFIG, false).change()).isEqualTo(Change.CREATED);
        }
    }

    /** Delegates to the real shell and keeps the forwards it opened. */
    private static final class KeepsForwards extends dev.overlaylab.testsupport.ExecOnlyShell {
        final List<LocalForward> opened = new java.util.ArrayList<>();

        KeepsForwards() {
            super("master");
        }

        @Override
        public dev.overlaylab.exec.ExecResult exec(String command, Duration timeout) {
            return master.exec(command, timeout);
        }

        @Override
        public LocalForward forward(String remoteHost, int remotePort) {
            LocalForward f = master.forward(remoteHost, remotePort);
            opened.add(f);
            return f;
        }
    }

    @ParameterizedTest
    @EnumSource(value = EtcdApi.class, names = {"V2", "V3"})
    void closingThePortClosesItsForwards(EtcdApi api) throws Exception {
        KeepsForwards via = new KeepsForwards();
        try (EtcdPort gw = forward(via, List.of("127.0.0.1", NS_ADDRESS), api, EtcdKeys.flannelDefault())) {
            assertThat(gw.health().healthy()).isTrue();
        }
        assertThat(via.opened).hasSize(2);
        for (LocalForward f : via.opened) {
            try (java.net.Socket s = new java.net.Socket()) {
                assertThatThrownBy(() -> s.connect(new java.net.InetSocketAddress("127.0.0.1", f.localPort()), 1000))
                        .isInstanceOf(java.net.ConnectException.class);
            }
        }
        assertThat(master.exec("true").ok()).as("the SSH connection stays usable").isTrue();
    }

    @org.junit.jupiter.api.Test
    void aShellThatCannotForwardSaysSoInsteadOfPretending() {
        dev.overlaylab.testsupport.ExecOnlyShell plain = new dev.overlaylab.testsupport.ExecOnlyShell("fake") {
            @Override
            public dev.overlaylab.exec.ExecResult exec(String command, Duration timeout) {
                throw new AssertionError("not used");
            }
        };
        assertThatThrownBy(() -> forward(plain, List.of(NS_ADDRESS), EtcdApi.V3, EtcdKeys.flannelDefault()))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("etcdctl transport");
    }
}
