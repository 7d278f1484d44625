package dev.overlaylab.etcd;

import dev.overlaylab.exec.Commands;
import dev.overlaylab.model.EtcdSettings.EtcdApi;
import dev.overlaylab.model.Lab;
import java.util.List;

/**
 * Every etcdctl command line Overlay Lab runs on a node or shows to a person, built here and nowhere
 * else: {@code ETCDCTL_API}, the endpoints, and each API's own flags and verbs (v3 {@code get},
 * {@code put}, {@code txn}, {@code -w json}; v2 {@code get}, {@code mk}, {@code set --swap-with-index},
 * {@code ls --recursive}, {@code -o json}). Timeouts are tight: a healthy etcd answers in
 * milliseconds, and verify must finish in seconds.
 */
public final class Etcdctl {
    private final EtcdApi api;
    private final EtcdEndpoints endpoints;

    private Etcdctl(EtcdApi api, EtcdEndpoints endpoints) {
        if (api == EtcdApi.AUTO) {
            throw new IllegalArgumentException("resolve the etcd API first (Lab.etcdApi())");
        }
        this.api = api;
        this.endpoints = endpoints;
    }

    public static Etcdctl of(EtcdApi api, EtcdEndpoints endpoints) {
        return new Etcdctl(api, endpoints);
    }

    /** The lab's API, dialling etcd from the master ({@link EtcdEndpoints#fromMaster}). */
    public static Etcdctl onMaster(Lab lab) {
        return new Etcdctl(lab.etcdApi(), EtcdEndpoints.fromMaster(lab));
    }

    public EtcdApi api() {
        return api;
    }

    /** {@code ETCDCTL_API=3 etcdctl --endpoints=… --dial-timeout=2s --command-timeout=3s}, or v2's. */
    public String base() {
        String ctl = "ETCDCTL_API=" + (api == EtcdApi.V2 ? "2" : "3") + " etcdctl --endpoints=" + endpoints.commaSeparated();
        return api == EtcdApi.V2 ? ctl + " --timeout=3s" : ctl + " --dial-timeout=2s --command-timeout=3s";
    }

    private String json() {
        return base() + (api == EtcdApi.V2 ? " -o json " : " -w json ");
    }

    /** Prints the key as text (v3: key and value lines; v2: the value); for probes whose output people read. */
    public String get(String key) {
        return base() + " get " + Commands.quote(key);
    }

    /** Prints the key with its version as JSON (v3: {@code kvs[]} with base64 and {@code mod_revision}; v2: {@code node}). */
    public String getJson(String key) {
        return json() + "get " + Commands.quote(key);
    }

    /** Prints every key under {@code folder} (ending in '/') with its value, as JSON. */
    public String listJson(String folder) {
        if (api == EtcdApi.V2) {
            String dir = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
            return json() + "ls --recursive " + Commands.quote(dir);
        }
        return json() + "get --prefix " + Commands.quote(folder);
    }

    /** Writes {@code value} only if the key does not exist (v3: a transaction on create revision 0; v2: {@code mk}). */
    public String create(String key, String value) {
        if (api == EtcdApi.V2) {
            return json() + "mk " + Commands.quote(key) + " " + Commands.quote(value);
        }
        return txn("create(" + goQuote(key) + ") = \"0\"", key, value);
    }

    /** Writes {@code value} only if the key is still at {@code version} (v3 mod revision, v2 modifiedIndex). */
    public String overwrite(String key, long version, String value) {
        if (api == EtcdApi.V2) {
            return json() + "set --swap-with-index " + version + " " + Commands.quote(key) + " " + Commands.quote(value);
        }
        return txn("mod(" + goQuote(key) + ") = \"" + version + "\"", key, value);
    }

    /** For people: how to write a value by hand ({@code value} is shown as given, e.g. {@code '<config>'}). */
    public String putByHand(String key, String value) {
        return base() + (api == EtcdApi.V2 ? " set " : " put ") + Commands.quote(key) + " " + value;
    }

    /** For people: how to delete one key by hand. */
    public String deleteByHand(String key) {
        return base() + (api == EtcdApi.V2 ? " rm " : " del ") + Commands.quote(key);
    }

    /** Exit 0 and "is healthy" when the endpoints answer (v2: {@code cluster-health}, etcd 2.x has no v3). */
    public String health() {
        return base() + (api == EtcdApi.V2 ? " cluster-health" : " endpoint health");
    }

    /**
     * A v3 transaction fed on stdin: the compare, a blank line, the success op, a blank line, no
     * failure ops. etcdctl parses each quoted word as a Go string literal, hence {@link #goQuote}.
     */
    private String txn(String compare, String key, String value) {
        List<String> lines = List.of(compare, "", "put " + goQuote(key) + " " + goQuote(value), "", "");
        return "printf '%s\\n' " + String.join(" ", lines.stream().map(Commands::quote).toList()) + " | " + json() + "txn";
    }

    /** A Go double-quoted string literal: what etcdctl's txn reader unquotes ({@code fmt.Sscanf("%q")}). */
    static String goQuote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
