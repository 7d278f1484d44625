package dev.overlaylab.etcd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.overlaylab.model.EtcdSettings.EtcdApi;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * etcd's v2 keys API over plain HTTP: what flannel ≤ 0.17 reads (etcd 3.4 must run with
 * {@code --enable-v2=true}). Hand-written on purpose: no maintained Java client speaks v2 any more,
 * and the four requests below are all it takes. Compare-and-set uses {@code prevExist=false} to
 * create and {@code prevIndex=<modifiedIndex read>} to overwrite.
 *
 * <p>With several endpoints a read moves on to the next when one cannot be reached; a write goes
 * only to the endpoint that answered last (retrying a write elsewhere could apply it twice).
 */
public final class EtcdV2Gateway implements EtcdPort {
    private static final int KEY_NOT_FOUND = 100;

    private final EtcdHttp http;
    private final String where;
    private final EtcdKeys keys;

    /** {@code where} names the etcd for people, e.g. "192.168.56.101:2379 via ssh to node1". */
    public EtcdV2Gateway(List<String> endpoints, String where, EtcdKeys keys, Duration timeout) {
        this.http = new EtcdHttp(endpoints, where, timeout);
        this.where = where;
        this.keys = keys;
    }

    @Override
    public EtcdApi api() {
        return EtcdApi.V2;
    }

    @Override
    public String endpoint() {
        return where;
    }

    @Override
    public EtcdKeys keys() {
        return keys;
    }

    private record Node(String value, long modifiedIndex) {
    }

    private Optional<Node> get(String key) {
        Reply r = read(key, "", "read " + key);
        if (r.status == 404 && r.errorCode() == KEY_NOT_FOUND) {
            return Optional.empty();
        }
        r.expect(200, "read " + key);
        JsonNode node = r.body.path("node");
        return Optional.of(new Node(node.path("value").asText(), node.path("modifiedIndex").asLong()));
    }

    @Override
    public Optional<String> readConfig() {
        return get(keys.config()).map(Node::value);
    }

    @Override
    public ConfigWrite writeConfig(String json, boolean force) {
        String key = keys.config();
        return new ConfigCompareAndSet<>(where, key, new ConfigCompareAndSet.Store<Node>() {
            @Override
            public Optional<Node> read() {
                return get(key);
            }

            @Override
            public String value(Node read) {
                return read.value();
            }

            @Override
            public boolean createIfAbsent(String value) {
                Reply r = put(key, "prevExist=false", value, "create " + key);
                if (r.status == 412) {
                    return false;
                }
                r.expect(201, "create " + key);
                return true;
            }

            @Override
            public boolean overwriteIfUnchanged(Node seen, String value) {
                Reply r = put(key, "prevIndex=" + seen.modifiedIndex(), value, "overwrite " + key);
                if (r.status == 412) {
                    return false;
                }
                r.expect(200, "overwrite " + key);
                return true;
            }
        }).write(json, force);
    }

    @Override
    public List<Lease> leases() {
        String dir = keys.subnets();
        Reply r = read(dir, "recursive=true&sorted=true", "list " + dir);
        if (r.status == 404 && r.errorCode() == KEY_NOT_FOUND) {
            return List.of();
        }
        r.expect(200, "list " + dir);
        List<Lease> leases = new ArrayList<>();
        for (JsonNode c : r.body.path("node").path("nodes")) {
            if (c.hasNonNull("value")) {
                leases.add(Lease.parse(keys, c.path("key").asText(), c.path("value").asText()));
            }
        }
        leases.sort(Comparator.comparing(Lease::subnet));
        return leases;
    }

    @Override
    public Health health() {
        try {
            Reply keysApi = read(keys.config(), "", "read " + keys.config());
            String answering = http.answering();
            Reply version = send(answering, "GET", URI.create(answering + "/version"), null, "read /version");
            String v = Json.text(version.body, "etcdserver");
            if (keysApi.status != 200 && keysApi.errorCode() != KEY_NOT_FOUND) {
                return new Health(false, v, "the v2 keys API does not answer (HTTP " + keysApi.status + "); etcd 3.4 needs --enable-v2=true");
            }
            return new Health(true, v, "v2 keys API answered at " + answering);
        } catch (EtcdException e) {
            return new Health(false, "", e.getMessage());
        }
    }

    private Reply put(String key, String query, String value, String what) {
        String form = "value=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        String endpoint = http.answering();
        return send(endpoint, "PUT", uri(endpoint, key, query), form, what);
    }

    /** A GET, starting at the endpoint that answered last and moving on while endpoints cannot be reached. */
    private Reply read(String key, String query, String what) {
        return http.read(endpoint -> send(endpoint, "GET", uri(endpoint, key, query), null, what));
    }

    private static URI uri(String endpoint, String key, String query) {
        return URI.create(endpoint + "/v2/keys" + key + (query.isEmpty() ? "" : "?" + query));
    }

    /** etcd 3.4 without --enable-v2 answers /v2/keys with "404 page not found" in plain text: kept as the message. */
    /** {@code form}: an url-encoded form body, or null for none. */
    private Reply send(String endpoint, String method, URI uri, String form, String what) {
        EtcdHttp.Reply r = http.send(endpoint, method, uri, "application/x-www-form-urlencoded", form, what, "message", "check etcd runs on the master and listens on the client port");
        return new Reply(r.status(), r.body());
    }

    private final class Reply {
        final int status;
        final JsonNode body;

        Reply(int status, JsonNode body) {
            this.status = status;
            this.body = body;
        }

        int errorCode() {
            return body.path("errorCode").asInt(-1);
        }

        void expect(int wanted, String what) {
            if (status != wanted) {
                throw new EtcdException(where, what + " answered HTTP " + status + ": " + Json.text(body, "message")
                        + (body.has("cause") ? " (" + Json.text(body, "cause") + ")" : ""),
                        status == 404 ? "etcd 3.4 serves the v2 API only with --enable-v2=true" : null, null);
            }
        }
    }

    @Override
    public void close() {
        // HttpURLConnection keeps idle connections in the JDK's keep-alive cache, which closes them itself.
    }
}
