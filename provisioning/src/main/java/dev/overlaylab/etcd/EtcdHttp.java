package dev.overlaylab.etcd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The HTTP side both etcd gateways share (the v2 keys API and the v3 JSON gateway): the endpoints,
 * which one answered last, and one exchange turned into a status and a JSON body. A read starts at
 * the endpoint that answered last and moves on while endpoints cannot be reached; a write goes only
 * to the endpoint that answered last (retrying a write elsewhere could apply it twice).
 */
final class EtcdHttp {
    /** An answer: its HTTP status and body; a body that is not JSON is kept as text under one field. */
    record Reply(int status, JsonNode body) {
    }

    private final List<String> endpoints;
    private final String where;
    private final Duration timeout;
    private final HttpClient http;
    private volatile int answering;

    /** {@code where} names the etcd for people, e.g. "192.168.56.101:2379 via ssh to node1". */
    EtcdHttp(List<String> endpoints, String where, Duration timeout) {
        this.endpoints = endpoints.stream().map(e -> e.endsWith("/") ? e.substring(0, e.length() - 1) : e).toList();
        this.where = where;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    String where() {
        return where;
    }

    List<String> endpoints() {
        return endpoints;
    }

    /** The endpoint that answered last: where writes go. */
    String answering() {
        return endpoints.get(answering);
    }

    /** {@code attempt} at each endpoint in turn, from the one that answered last, until one is reached. */
    <T> T read(Function<String, T> attempt) {
        EtcdException unreachable = null;
        for (int i = 0; i < endpoints.size(); i++) {
            int at = (answering + i) % endpoints.size();
            try {
                T r = attempt.apply(endpoints.get(at));
                answering = at;
                return r;
            } catch (EtcdException e) {
                unreachable = e;
            }
        }
        throw unreachable;
    }

    /**
     * One exchange with {@code endpoint}. A body that is not JSON (etcd answers some errors in plain
     * text) is kept under {@code textField}; an endpoint that cannot be reached throws with {@code fix}.
     */
    Reply send(String endpoint, HttpRequest.Builder request, String what, String textField, String fix) {
        HttpResponse<String> r;
        try {
            r = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new EtcdException(where, what + " through " + endpoint + " failed", fix, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EtcdException(where, "interrupted during " + what, null, e);
        }
        JsonNode body;
        try {
            body = Json.object(r.body());
        } catch (IllegalArgumentException notJson) {
            body = JsonNodeFactory.instance.objectNode().put(textField, r.body().strip());
        }
        return new Reply(r.statusCode(), body);
    }
}
