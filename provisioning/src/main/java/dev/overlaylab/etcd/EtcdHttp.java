package dev.overlaylab.etcd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The HTTP side both etcd gateways share (the v2 keys API and the v3 JSON gateway): the endpoints,
 * which one answered last, and one exchange turned into a status and a JSON body. A read starts at
 * the endpoint that answered last and moves on while endpoints cannot be reached; a write goes only
 * to the endpoint that answered last (retrying a write elsewhere could apply it twice).
 *
 * <p>Plain {@link HttpURLConnection}, not {@code java.net.http.HttpClient}: the latter builds the default TLS
 * context (the CA store) and a selector thread on creation, 0.6–1.1 s of a fresh JVM on this machine against
 * 0.05–0.14 s for this (measured with a local server, load 6), and every {@code olab up}/{@code verify} is a
 * fresh JVM that only speaks plain HTTP to a forwarded port. No proxy: the endpoints are local forwards.
 */
final class EtcdHttp {
    /** An answer: its HTTP status and body; a body that is not JSON is kept as text under one field. */
    record Reply(int status, JsonNode body) {
    }

    private final List<String> endpoints;
    private final String where;
    private final Duration timeout;
    private volatile int answering;

    /** {@code where} names the etcd for people, e.g. "192.168.56.101:2379 via ssh to node1". */
    EtcdHttp(List<String> endpoints, String where, Duration timeout) {
        this.endpoints = endpoints.stream().map(e -> e.endsWith("/") ? e.substring(0, e.length() - 1) : e).toList();
        this.where = where;
        this.timeout = timeout;
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
     * One exchange with {@code endpoint}: {@code method} on {@code uri}, with {@code body} of {@code contentType}
     * when the body is not null. A body that is not JSON (etcd answers some errors in plain text) is kept under
     * {@code textField}; an endpoint that cannot be reached throws with {@code fix}.
     */
    Reply send(String endpoint, String method, URI uri, String contentType, String body, String what, String textField,
               String fix) {
        int status;
        String text;
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
            int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
            c.setConnectTimeout(millis);
            c.setReadTimeout(millis);
            c.setRequestMethod(method);
            c.setInstanceFollowRedirects(false);   // as java.net.http did: a redirect is an answer to report, not to follow with a write
            if (body != null) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", contentType);
                c.setFixedLengthStreamingMode(bytes.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(bytes);
                }
            }
            status = c.getResponseCode();
            // an answer with an error status comes on the error stream (null when it has no body)
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            if (c != null) {
                c.disconnect();
            }
            throw new EtcdException(where, what + " through " + endpoint + " failed", fix, e);
        }
        JsonNode json;
        try {
            json = Json.object(text);
        } catch (IllegalArgumentException notJson) {
            json = JsonNodeFactory.instance.objectNode().put(textField, text.strip());
        }
        return new Reply(status, json);
    }
}
