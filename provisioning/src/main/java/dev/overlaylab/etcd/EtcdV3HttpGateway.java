package dev.overlaylab.etcd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.overlaylab.model.EtcdSettings.EtcdApi;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The etcd v3 API (what flannel ≥ 0.18 reads) through etcd's own JSON gateway on the client port
 * ({@code POST /v3/kv/range}, {@code /v3/kv/txn}, {@code /v3/maintenance/status}; keys and values
 * base64, 64-bit numbers as strings, fields at their zero value left out). Chosen over jetcd for
 * the forward transport because opening a jetcd client (gRPC, Netty, Vert.x) cost 0.9–2.8 s of
 * every {@code up} and {@code verify} on this machine, and the four calls below need none of it.
 *
 * <p>Compare-and-set is one transaction: create when {@code create_revision == 0}, overwrite when
 * {@code mod_revision} is the one read. Reads move on to the next endpoint when one cannot be
 * reached; a write goes only to the endpoint that answered last (retrying a write elsewhere
 * could apply it twice).
 */
public final class EtcdV3HttpGateway implements EtcdPort {
    private final EtcdHttp http;
    private final String where;
    private final EtcdKeys keys;

    /** {@code where} names the etcd for people, e.g. "192.168.56.101:2379 via ssh to node1". */
    public EtcdV3HttpGateway(List<String> endpoints, String where, EtcdKeys keys, Duration timeout) {
        this.http = new EtcdHttp(endpoints, where, timeout);
        this.where = where;
        this.keys = keys;
    }

    @Override
    public EtcdApi api() {
        return EtcdApi.V3;
    }

    @Override
    public String endpoint() {
        return where;
    }

    @Override
    public EtcdKeys keys() {
        return keys;
    }

    private record Kv(String value, long modRevision) {
    }

    private Optional<Kv> current() {
        String key = keys.config();
        JsonNode r = read("/v3/kv/range", object().put("key", b64(key)), "read " + key);
        for (JsonNode kv : r.path("kvs")) {
            return Optional.of(new Kv(text(kv.path("value").asText()), kv.path("mod_revision").asLong()));
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> readConfig() {
        return current().map(Kv::value);
    }

    @Override
    public ConfigWrite writeConfig(String json, boolean force) {
        String key = keys.config();
        return new ConfigCompareAndSet<>(where, key, new ConfigCompareAndSet.Store<Kv>() {
            @Override
            public Optional<Kv> read() {
                return current();
            }

            @Override
            public String value(Kv read) {
                return read.value();
            }

            @Override
            public boolean createIfAbsent(String value) {
                // create_revision 0 means "the key does not exist": nobody wrote it since we looked.
                return putIf(object().put("target", "CREATE").put("create_revision", "0"), value, "create ");
            }

            @Override
            public boolean overwriteIfUnchanged(Kv seen, String value) {
                return putIf(object().put("target", "MOD").put("mod_revision", Long.toString(seen.modRevision())), value, "overwrite ");
            }

            private boolean putIf(ObjectNode compare, String value, String what) {
                ObjectNode txn = object();
                txn.putArray("compare").add(compare.put("key", b64(key)).put("result", "EQUAL"));
                txn.putArray("success").addObject().set("request_put", object().put("key", b64(key)).put("value", b64(value)));
                return send(http.answering(), "/v3/kv/txn", txn, what + key).path("succeeded").asBoolean(false);
            }
        }).write(json, force);
    }

    @Override
    public List<Lease> leases() {
        String prefix = keys.subnets();
        ObjectNode range = object().put("key", b64(prefix)).put("range_end", rangeEnd(prefix))
                .put("sort_order", "ASCEND").put("sort_target", "KEY");
        List<Lease> leases = new ArrayList<>();
        for (JsonNode kv : read("/v3/kv/range", range, "list " + prefix).path("kvs")) {
            leases.add(Lease.parse(keys, text(kv.path("key").asText()), text(kv.path("value").asText())));
        }
        return leases;
    }

    /** The first endpoint whose member answers a status request. */
    @Override
    public Health health() {
        String why = "";
        for (String endpoint : http.endpoints()) {
            try {
                JsonNode s = send(endpoint, "/v3/maintenance/status", object(), "status");
                return new Health(true, Json.text(s, "version"), "v3 status answered at " + endpoint + " (leader "
                        + Long.toHexString(Long.parseUnsignedLong(s.path("leader").asText("0"))) + ")");
            } catch (EtcdException | NumberFormatException e) {
                why = e.getMessage();
            }
        }
        return new Health(false, "", why);
    }

    /** A read, starting at the endpoint that answered last and moving on while endpoints cannot be reached. */
    private JsonNode read(String path, ObjectNode body, String what) {
        return http.read(endpoint -> send(endpoint, path, body, what));
    }

    private JsonNode send(String endpoint, String path, ObjectNode body, String what) {
        EtcdHttp.Reply r = http.send(endpoint, "POST", URI.create(endpoint + path), "application/json", Json.write(body), what, "error",
                "check etcd runs on the master (`systemctl status etcd`) and listens on the client port");
        JsonNode reply = r.body();
        if (r.status() != 200) {
            String error = Json.text(reply, "error").isEmpty() ? Json.text(reply, "message") : Json.text(reply, "error");
            throw new EtcdException(where, what + " answered HTTP " + r.status() + ": " + error,
                    "check etcd's log on the master (`journalctl -u etcd`); the v3 JSON gateway needs etcd ≥ 3.4", null);
        }
        return reply;
    }

    /** The range end that makes a range request a prefix request: the prefix with its last byte + 1. */
    static String rangeEnd(String prefix) {
        byte[] end = prefix.getBytes(StandardCharsets.UTF_8);
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xff) {
                end[i]++;
                return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(end, i + 1));
            }
        }
        return Base64.getEncoder().encodeToString(new byte[] {0});   // every key from the prefix on
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        // HttpURLConnection keeps idle connections in the JDK's keep-alive cache, which closes them itself.
    }
}
