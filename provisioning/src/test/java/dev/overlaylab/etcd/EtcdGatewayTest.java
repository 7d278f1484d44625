package dev.overlaylab.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.etcd.EtcdGateway.Api;
import dev.overlaylab.etcd.EtcdGateway.ConfigWrite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both gateways against a real etcd 3.4 on loopback (ports 23790-23799), v2 API enabled. */
@Tag("integration")
class EtcdGatewayTest {
    static final String CONFIG = "{\"Network\": \"10.1.0.0/16\", \"SubnetLen\": 24, \"Backend\": {\"Type\": \"vxlan\"}}";
    static final String SAME_CONFIG_OTHER_SPACING = "{\"Backend\":{\"Type\":\"vxlan\"},\"SubnetLen\":24,\"Network\":\"10.1.0.0/16\"}";
    static final String FOREIGN_CONFIG = "{\"Network\": \"172.17.0.0/16\", \"Backend\": {\"Type\": \"udp\"}}";
    static final String LEASE = "{\"PublicIP\":\"192.168.56.101\",\"PublicIPv6\":null,\"BackendType\":\"vxlan\","
            + "\"BackendData\":{\"VtepMAC\":\"ae:1b:9f:2a:10:01\"}}";

    @TempDir(factory = dev.overlaylab.ssh.OltTempDir.class)
    static Path tmp;
    static EtcdServer etcd;

    @BeforeAll
    static void startEtcd() throws Exception {
        dev.overlaylab.testsupport.Prereq.requireRoot();
        EtcdServer.requireEtcd();
        int port = EtcdServer.freeClientPort();
        etcd = new EtcdServer(tmp.resolve("etcd"), List.of("127.0.0.1"), port, port + 5, null).start(true);
        etcd.awaitHealthy(etcd.clientUrl());
    }

    @AfterAll
    static void stopEtcd() throws Exception {
        if (etcd != null) {
            etcd.close();
        }
    }

    private static EtcdGateway open(Api api, String prefix) {
        return EtcdConnections.direct(api, etcd.clientUrl(), new EtcdKeys(prefix), Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void configIsCreatedThenUnchangedThenForeignRefusedThenForced(Api api) {
        String prefix = "/olab-test-" + api + "/network";
        try (EtcdGateway gw = open(api, prefix)) {
            assertThat(gw.readConfig()).isEmpty();
            assertThat(gw.writeConfig(CONFIG, false)).isEqualTo(ConfigWrite.CREATED);
            assertThat(gw.readConfig()).contains(CONFIG);
            assertThat(gw.writeConfig(CONFIG, false)).isEqualTo(ConfigWrite.UNCHANGED);
            assertThat(gw.writeConfig(SAME_CONFIG_OTHER_SPACING, false)).isEqualTo(ConfigWrite.UNCHANGED);
            assertThat(gw.readConfig()).contains(CONFIG);

            assertThatThrownBy(() -> gw.writeConfig(FOREIGN_CONFIG, false))
                    .isInstanceOfSatisfying(ConfigConflictException.class, e -> {
                        assertThat(e.existing()).isEqualTo(CONFIG);
                        assertThat(e.wanted()).isEqualTo(FOREIGN_CONFIG);
                    })
                    .hasMessageContaining(prefix + "/config").hasMessageContaining("10.1.0.0/16")
                    .hasMessageContaining("172.17.0.0/16").hasMessageContaining("--force");
            assertThat(gw.readConfig()).contains(CONFIG);

            assertThat(gw.writeConfig(FOREIGN_CONFIG, true)).isEqualTo(ConfigWrite.OVERWRITTEN);
            assertThat(gw.readConfig()).contains(FOREIGN_CONFIG);
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void theTwoApisAreSeparateStores(Api api) {
        // flannel ≤ 0.17 reads v2, ≥ 0.18 reads v3: a config in one is invisible to the other (FAILURE-MODES #6)
        String prefix = "/olab-sep-" + api + "/network";
        Api other = api == Api.V2 ? Api.V3 : Api.V2;
        try (EtcdGateway gw = open(api, prefix); EtcdGateway otherGw = open(other, prefix)) {
            gw.writeConfig(CONFIG, false);
            assertThat(otherGw.readConfig()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void leasesAreParsedFromFlannelJson(Api api) throws Exception {
        String prefix = "/olab-lease-" + api + "/network";
        EtcdKeys keys = new EtcdKeys(prefix);
        putRaw(api, keys.subnet("10.1.35.0/24"), LEASE);
        putRaw(api, keys.subnet("10.1.7.0/24"), "{\"PublicIP\":\"192.168.56.102\",\"BackendType\":\"udp\"}");
        putRaw(api, prefix + "/config", CONFIG);
        try (EtcdGateway gw = open(api, prefix)) {
            assertThat(gw.leases()).containsExactlyInAnyOrder(
                    new Lease("10.1.35.0/24", "192.168.56.101", "vxlan", Map.of("VtepMAC", "ae:1b:9f:2a:10:01")),
                    new Lease("10.1.7.0/24", "192.168.56.102", "udp", Map.of()));
        }
        try (EtcdGateway empty = open(api, "/olab-nolease-" + api)) {
            assertThat(empty.leases()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void healthReportsVersion(Api api) {
        try (EtcdGateway gw = open(api, "/coreos.com/network")) {
            EtcdGateway.Health h = gw.health();
            assertThat(h.healthy()).as(h.detail()).isTrue();
            assertThat(h.version()).startsWith("3.4");
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void unreachableEtcdFailsWithinTheTimeout(Api api) {
        // a port of our range with nothing listening
        EtcdGateway gw = EtcdConnections.direct(api, "http://127.0.0.1:23799", EtcdKeys.flannelDefault(), Duration.ofSeconds(2));
        long start = System.nanoTime();
        try (gw) {
            assertThat(gw.health().healthy()).isFalse();
            assertThatThrownBy(gw::readConfig).isInstanceOf(EtcdException.class).hasMessageContaining("127.0.0.1:23799");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @org.junit.jupiter.api.Test
    void v2WithoutEnableV2IsReportedUnhealthyWithTheFix() throws Exception {
        int port = EtcdServer.freeClientPort();
        try (EtcdServer v3only = new EtcdServer(tmp.resolve("etcd-v3only"), List.of("127.0.0.1"), port, port + 5, null).start(false)) {
            v3only.awaitHealthy(v3only.clientUrl());
            try (EtcdGateway gw = EtcdConnections.direct(Api.V2, v3only.clientUrl(), EtcdKeys.flannelDefault(), Duration.ofSeconds(5))) {
                EtcdGateway.Health h = gw.health();
                assertThat(h.healthy()).isFalse();
                assertThat(h.detail()).contains("--enable-v2=true");
                assertThatThrownBy(() -> gw.writeConfig(CONFIG, false)).isInstanceOf(EtcdException.class)
                        .hasMessageContaining("404").hasMessageContaining("--enable-v2=true");
            }
        }
    }

    /** Writes like flanneld does, through the plain HTTP APIs (v3 via its JSON gateway). */
    static void putRaw(Api api, String key, String value) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request;
        if (api == Api.V2) {
            request = HttpRequest.newBuilder(URI.create(etcd.clientUrl() + "/v2/keys" + key))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .PUT(HttpRequest.BodyPublishers.ofString("value=" + java.net.URLEncoder.encode(value, "UTF-8"))).build();
        } else {
            java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
            String body = "{\"key\":\"" + b64.encodeToString(key.getBytes()) + "\",\"value\":\"" + b64.encodeToString(value.getBytes()) + "\"}";
            request = HttpRequest.newBuilder(URI.create(etcd.clientUrl() + "/v3/kv/put"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    }
}
