package dev.overlaylab.etcd;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * etcd's v2 keys API over plain HTTP: what flannel ≤ 0.17 reads (etcd 3.4 must run with
 * {@code --enable-v2=true}). Compare-and-set uses {@code prevExist=false} to create and
 * {@code prevIndex=<modifiedIndex read>} to overwrite.
 */
public final class EtcdV2Gateway implements EtcdGateway {
    private static final int KEY_NOT_FOUND = 100;

    private final String endpoint;
    private final String where;
    private final EtcdKeys keys;
    private final Duration timeout;
    private final HttpClient http;

    public EtcdV2Gateway(String endpoint, EtcdKeys keys, Duration timeout) {
        this(endpoint, endpoint, keys, timeout);
    }

    /** {@code where} names the etcd for people, e.g. "192.168.56.101:2379 via ssh to node1". */
    public EtcdV2Gateway(String endpoint, String where, EtcdKeys keys, Duration timeout) {
        this.where = where;
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.keys = keys;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public Api api() {
        return Api.V2;
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public EtcdKeys keys() {
        return keys;
    }

    private record Node(String value, long modifiedIndex) {
    }

    private Optional<Node> get(String key) {
        Reply r = send(HttpRequest.newBuilder(uri(key, "")).GET(), "read " + key);
        if (r.status == 404 && r.errorCode() == KEY_NOT_FOUND) {
            return Optional.empty();
        }
        r.expect(200, "read " + key);
        Map<?, ?> node = (Map<?, ?>) r.body.get("node");
        return Optional.of(new Node(String.valueOf(node.get("value")), ((BigDecimal) node.get("modifiedIndex")).longValue()));
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
        Reply r = send(HttpRequest.newBuilder(uri(dir, "recursive=true&sorted=true")).GET(), "list " + dir);
        if (r.status == 404 && r.errorCode() == KEY_NOT_FOUND) {
            return List.of();
        }
        r.expect(200, "list " + dir);
        Map<?, ?> node = (Map<?, ?>) r.body.get("node");
        List<Lease> leases = new ArrayList<>();
        if (node.get("nodes") instanceof List<?> children) {
            for (Object child : children) {
                Map<?, ?> c = (Map<?, ?>) child;
                if (c.get("value") != null) {
                    leases.add(Lease.parse(keys, String.valueOf(c.get("key")), String.valueOf(c.get("value"))));
                }
            }
        }
        leases.sort(Comparator.comparing(Lease::subnet));
        return leases;
    }

    @Override
    public Health health() {
        try {
            Reply version = send(HttpRequest.newBuilder(URI.create(endpoint + "/version")).GET(), "read /version");
            Reply keysApi = send(HttpRequest.newBuilder(uri(keys.config(), "")).GET(), "read " + keys.config());
            if (keysApi.status != 200 && keysApi.errorCode() != KEY_NOT_FOUND) {
                return new Health(false, text(version.body.get("etcdserver")),
                        "the v2 keys API does not answer (HTTP " + keysApi.status + "); etcd 3.4 needs --enable-v2=true");
            }
            return new Health(true, text(version.body.get("etcdserver")), "v2 keys API answered");
        } catch (EtcdException e) {
            return new Health(false, "", e.getMessage());
        }
    }

    private Reply put(String key, String query, String value, String what) {
        String form = "value=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri(key, query)).header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(HttpRequest.BodyPublishers.ofString(form)), what);
    }

    private URI uri(String key, String query) {
        return URI.create(endpoint + "/v2/keys" + key + (query.isEmpty() ? "" : "?" + query));
    }

    private Reply send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> r = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> body;
            try {
                body = Json.parseObject(r.body());
            } catch (IllegalArgumentException notJson) {
                // etcd 3.4 without --enable-v2 answers /v2/keys with "404 page not found" in plain text.
                body = Map.of("message", r.body().strip());
            }
            return new Reply(r.statusCode(), body);
        } catch (IOException e) {
            throw new EtcdException(where, what + " failed", "check etcd runs on the master and listens on the client port", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EtcdException(where, "interrupted during " + what, null, e);
        }
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    private final class Reply {
        final int status;
        final Map<String, Object> body;

        Reply(int status, Map<String, Object> body) {
            this.status = status;
            this.body = body;
        }

        int errorCode() {
            return body.get("errorCode") instanceof BigDecimal code ? code.intValue() : -1;
        }

        void expect(int wanted, String what) {
            if (status != wanted) {
                throw new EtcdException(where, what + " answered HTTP " + status + ": " + text(body.get("message"))
                        + (body.containsKey("cause") ? " (" + body.get("cause") + ")" : ""),
                        status == 404 ? "etcd 3.4 serves the v2 API only with --enable-v2=true" : null, null);
            }
        }
    }

    @Override
    public void close() {
        // HttpClient holds no connection worth closing explicitly on Java 17.
    }
}
