package dev.overlaylab.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.etcd.EtcdPort.ConfigWrite.Change;
import dev.overlaylab.model.EtcdSettings.EtcdApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both adapters of the etcd port, each over both APIs, against a real etcd 3.4 on loopback (ports
 * 23790-23799), v2 API enabled: the client adapter (the v3 JSON gateway / the v2 keys API over HTTP) dialling it
 * directly, and the etcdctl adapter running the real etcdctl on this machine.
 */
@Tag("integration")
class EtcdGatewayTest {
    static final String CONFIG = "{\"Network\": \"10.1.0.0/16\", \"SubnetLen\": 24, \"Backend\": {\"Type\": \"vxlan\"}}";
    static final String SAME_CONFIG_OTHER_SPACING = "{\"Backend\":{\"Type\":\"vxlan\"},\"SubnetLen\":24,\"Network\":\"10.1.0.0/16\"}";
    static final String FOREIGN_CONFIG = "{\"Network\": \"172.17.0.0/16\", \"Backend\": {\"Type\": \"udp\"}}";
    static final String LEASE = "{\"PublicIP\":\"192.168.56.101\",\"PublicIPv6\":null,\"BackendType\":\"vxlan\","
            + "\"BackendData\":{\"VtepMAC\":\"ae:1b:9f:2a:10:01\"}}";

    /** The two adapters. */
    enum Adapter {
        CLIENT, ETCDCTL;

        EtcdPort open(EtcdApi api, List<String> hosts, int port, String prefix, Duration timeout) {
            EtcdEndpoints endpoints = new EtcdEndpoints(hosts, port);
            return this == CLIENT ? EtcdPorts.direct(api, endpoints.urls(), new EtcdKeys(prefix), timeout)
                    : new EtcdctlPort(new ThisMachineShell(), Etcdctl.of(api, endpoints), new EtcdKeys(prefix), endpoints.commaSeparated());
        }
    }

    static Stream<Arguments> adaptersAndApis() {
        return Stream.of(Adapter.values()).flatMap(a -> Stream.of(Arguments.of(a, EtcdApi.V2), Arguments.of(a, EtcdApi.V3)));
    }

    @TempDir(factory = dev.overlaylab.ssh.OltTempDir.class)
    static Path tmp;
    static EtcdServer etcd;
    static int port;

    @BeforeAll
    static void startEtcd() throws Exception {
        dev.overlaylab.testsupport.Prereq.requireRoot();
        EtcdServer.requireEtcd();
        dev.overlaylab.testsupport.Prereq.requireProgram("etcdctl");
        port = EtcdServer.freeClientPort();
        etcd = new EtcdServer(tmp.resolve("etcd"), List.of("127.0.0.1"), port, port + 5, null).start(true);
        etcd.awaitHealthy(etcd.clientUrl());
    }

    @AfterAll
    static void stopEtcd() throws Exception {
        if (etcd != null) {
            etcd.close();
        }
    }

    private static EtcdPort open(Adapter adapter, EtcdApi api, String prefix) {
        return adapter.open(api, List.of("127.0.0.1"), port, prefix, Duration.ofSeconds(10));
    }

    private static String prefix(String test, Adapter adapter, EtcdApi api) {
        return "/olab-" + test + "-" + adapter + "-" + api + "/network";
    }

    @ParameterizedTest
    @MethodSource("adaptersAndApis")
    void configIsCreatedThenUnchangedThenForeignRefusedThenForced(Adapter adapter, EtcdApi api) {
        String prefix = prefix("cas", adapter, api);
        try (EtcdPort gw = open(adapter, api, prefix)) {
            assertThat(gw.readConfig()).isEmpty();
            assertThat(gw.writeConfig(CONFIG, false).change()).isEqualTo(Change.CREATED);
            assertThat(gw.readConfig()).contains(CONFIG);
            assertThat(gw.writeConfig(CONFIG, false).change()).isEqualTo(Change.UNCHANGED);
            assertThat(gw.writeConfig(SAME_CONFIG_OTHER_SPACING, false).change()).isEqualTo(Change.UNCHANGED);
            assertThat(gw.readConfig()).contains(CONFIG);

            assertThatThrownBy(() -> gw.writeConfig(FOREIGN_CONFIG, false))
                    .isInstanceOfSatisfying(ConfigConflictException.class, e -> {
                        assertThat(e.existing()).isEqualTo(CONFIG);
                        assertThat(e.wanted()).isEqualTo(FOREIGN_CONFIG);
                    })
                    .hasMessageContaining(prefix + "/config").hasMessageContaining("10.1.0.0/16")
                    .hasMessageContaining("172.17.0.0/16").hasMessageContaining("--force");
            assertThat(gw.readConfig()).contains(CONFIG);

            EtcdPort.ConfigWrite forced = gw.writeConfig(FOREIGN_CONFIG, true);
            assertThat(forced.change()).isEqualTo(Change.OVERWRITTEN);
            assertThat(forced.previous()).contains(CONFIG);
            assertThat(gw.readConfig()).contains(FOREIGN_CONFIG);
        }
    }

    @ParameterizedTest
    @MethodSource("adaptersAndApis")
    void valuesRoundTripByteForByteAndEachAdapterReadsWhatTheOtherWrote(Adapter adapter, EtcdApi api) {
        // a trailing newline, quotes, a backslash and non-ASCII: what etcdctl's txn quoting must carry
        String awkward = "{\"Network\":\"10.1.0.0/16\",\"Note\":\"say \\\"hi\\\" \\\\ ünïcode\"}\n";
        String prefix = prefix("bytes", adapter, api);
        Adapter other = adapter == Adapter.CLIENT ? Adapter.ETCDCTL : Adapter.CLIENT;
        try (EtcdPort writer = open(adapter, api, prefix); EtcdPort reader = open(other, api, prefix)) {
            assertThat(writer.writeConfig(awkward, false).change()).isEqualTo(Change.CREATED);
            assertThat(reader.readConfig()).contains(awkward);
            assertThat(reader.writeConfig(awkward.strip(), false).change()).isEqualTo(Change.UNCHANGED);
            assertThat(reader.writeConfig(CONFIG, true).change()).isEqualTo(Change.OVERWRITTEN);
            assertThat(writer.readConfig()).contains(CONFIG);
        }
    }

    @ParameterizedTest
    @MethodSource("adaptersAndApis")
    void theTwoApisAreSeparateStores(Adapter adapter, EtcdApi api) {
        // flannel ≤ 0.17 reads v2, ≥ 0.18 reads v3: a config in one is invisible to the other (docs/failure-modes #6)
        String prefix = prefix("sep", adapter, api);
        EtcdApi otherApi = api == EtcdApi.V2 ? EtcdApi.V3 : EtcdApi.V2;
        try (EtcdPort gw = open(adapter, api, prefix); EtcdPort other = open(adapter, otherApi, prefix)) {
            gw.writeConfig(CONFIG, false);
            assertThat(other.readConfig()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("adaptersAndApis")
    void leasesAreParsedFromFlannelJson(Adapter adapter, EtcdApi api) throws Exception {
        String prefix = prefix("lease", adapter, api);
        EtcdKeys keys = new EtcdKeys(prefix);
        putRaw(api, keys.subnet("10.1.35.0/24"), LEASE);
        putRaw(api, keys.subnet("10.1.7.0/24"), "{\"PublicIP\":\"192.168.56.102\",\"BackendType\":\"udp\"}");
        putRaw(api, prefix + "/config", CONFIG);
        try (EtcdPort gw = open(adapter, api, prefix)) {
            assertThat(gw.leases()).containsExactlyInAnyOrder(
                    new Lease("10.1.35.0/24", "192.168.56.101", "vxlan", Map.of("VtepMAC", "ae:1b:9f:2a:10:01")),
                    new Lease("10.1.7.0/24", "192.168.56.102", "udp", Map.of()));
            assertThat(gw.lease("10.1.7.0/24")).map(Lease::publicIp).contains("192.168.56.102");
        }
        try (EtcdPort empty = open(adapter, api, prefix("nolease", adapter, api))) {
            assertThat(empty.leases()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("adaptersAndApis")
    void anUnreachableFirstEndpointIsPassedOverForTheNext(Adapter adapter, EtcdApi api) throws Exception {
        // like the master's own member down in a three-member lab: 127.0.0.2 has nothing on the port
        String prefix = prefix("failover", adapter, api);
        putRaw(api, new EtcdKeys(prefix).subnet("10.1.35.0/24"), LEASE);
        try (EtcdPort gw = adapter.open(api, List.of("127.0.0.2", "127.0.0.1"), port, prefix, Duration.ofSeconds(5))) {
            assertThat(gw.leases()).extracting(Lease::subnet).containsExactly("10.1.35.0/24");
            assertThat(gw.writeConfig(CONFIG, false).change()).isEqualTo(Change.CREATED);
        }
    }

    @ParameterizedTest
    @MethodSource("adaptersAndApis")
    void healthAnswers(Adapter adapter, EtcdApi api) {
        try (EtcdPort gw = open(adapter, api, "/coreos.com/network")) {
            EtcdPort.Health h = gw.health();
            assertThat(h.healthy()).as(h.detail()).isTrue();
            if (adapter == Adapter.CLIENT) {
                assertThat(h.version()).startsWith("3.4");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("adaptersAndApis")
    void unreachableEtcdFailsWithinTheTimeoutAndIsNeverAnAbsentKey(Adapter adapter, EtcdApi api) {
        // a port of our range with nothing listening
        EtcdPort gw = adapter.open(api, List.of("127.0.0.1"), 23799, "/coreos.com/network", Duration.ofSeconds(2));
        long start = System.nanoTime();
        try (gw) {
            assertThat(gw.health().healthy()).isFalse();
            assertThatThrownBy(gw::readConfig).isInstanceOf(EtcdException.class).hasMessageContaining("127.0.0.1");
            assertThatThrownBy(() -> gw.writeConfig(CONFIG, true)).isInstanceOf(EtcdException.class);
            assertThatThrownBy(gw::leases).isInstanceOf(EtcdException.class);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(40));
    }

    @ParameterizedTest
    @MethodSource("adaptersAndApis")
    void v2WithoutEnableV2IsReportedUnhealthyWithTheFix(Adapter adapter, EtcdApi api) throws Exception {
        if (api == EtcdApi.V3) {
            return; // only the v2 API can be switched off
        }
        int v3port = EtcdServer.freeClientPort();
        try (EtcdServer v3only = new EtcdServer(tmp.resolve("etcd-v3only-" + adapter), List.of("127.0.0.1"), v3port, v3port + 5, null)
                .start(false)) {
            v3only.awaitHealthy(v3only.clientUrl());
            try (EtcdPort gw = adapter.open(EtcdApi.V2, List.of("127.0.0.1"), v3port, "/coreos.com/network", Duration.ofSeconds(5))) {
                EtcdPort.Health h = gw.health();
                assertThat(h.healthy()).isFalse();
                assertThat(h.detail()).contains("--enable-v2=true");
                assertThatThrownBy(() -> gw.writeConfig(CONFIG, false)).isInstanceOf(EtcdException.class)
                        .hasMessageContaining("--enable-v2=true");
            }
        }
    }

    /** Writes like flanneld does, through the plain HTTP APIs (v3 via its JSON gateway). */
    static void putRaw(EtcdApi api, String key, String value) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request;
        if (api == EtcdApi.V2) {
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
