package dev.overlaylab.etcd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.overlaylab.exec.Commands;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.EtcdSettings.EtcdApi;
import dev.overlaylab.model.Lab;
import dev.overlaylab.ssh.NodeShell;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The etcd port through {@code etcdctl} run on the master over its shell: needs no port forward and
 * works with any {@link NodeShell}. Reads ask etcdctl for JSON ({@code -w json} / {@code -o json}),
 * so a value comes back byte for byte with its version, and writes are compare-and-set on that
 * version (v3 transactions on the mod revision, v2 {@code mk} / {@code --swap-with-index}). A
 * command that fails is an {@link EtcdException} naming the command and its output; only etcd's own
 * "key not found" (v3: no {@code kvs}; v2: error 100) means absent.
 */
public final class EtcdctlPort implements EtcdPort {
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** etcdctl v2 prints etcd's error as {@code Error:  100: Key not found (/x) [3]}. */
    private static final Pattern V2_ERROR = Pattern.compile("Error:\\s+(\\d+):");
    private static final int V2_KEY_NOT_FOUND = 100;
    private static final int V2_COMPARE_FAILED = 101;
    private static final int V2_NODE_EXISTS = 105;

    private final NodeShell master;
    private final Etcdctl ctl;
    private final EtcdKeys keys;
    private final String where;

    public EtcdctlPort(NodeShell master, Etcdctl ctl, EtcdKeys keys, String endpoints) {
        this.master = master;
        this.ctl = ctl;
        this.keys = keys;
        this.where = endpoints + " via etcdctl on " + master.nodeName();
    }

    /** The lab's port: its API, its endpoints as the master dials them. */
    public static EtcdctlPort onMaster(Lab lab, NodeShell master) {
        EtcdEndpoints endpoints = EtcdEndpoints.fromMaster(lab);
        return new EtcdctlPort(master, Etcdctl.of(lab.etcdApi(), endpoints), new EtcdKeys(lab.etcd().prefix()),
                endpoints.commaSeparated());
    }

    @Override
    public EtcdApi api() {
        return ctl.api();
    }

    @Override
    public String endpoint() {
        return where;
    }

    @Override
    public EtcdKeys keys() {
        return keys;
    }

    /** A key's value and its version (v3 mod revision, v2 modifiedIndex). */
    record Entry(String key, String value, long version) {
    }

    Optional<Entry> read(String key) {
        String cmd = ctl.getJson(key);
        ExecResult r = master.exec(cmd, TIMEOUT);
        if (api() == EtcdApi.V2) {
            if (!r.ok() && v2Error(r) == V2_KEY_NOT_FOUND) {
                return Optional.empty();
            }
            JsonNode node = reply(r, "read " + key, cmd).path("node");
            return Optional.of(new Entry(key, field(node, "value", cmd), node.path("modifiedIndex").asLong()));
        }
        JsonNode kvs = reply(r, "read " + key, cmd).path("kvs");
        if (kvs.isEmpty()) {
            return Optional.empty();
        }
        JsonNode kv = kvs.get(0);
        // etcd leaves "value" out of the JSON when it is empty
        return Optional.of(new Entry(key, base64(kv.path("value").asText()), kv.path("mod_revision").asLong()));
    }

    @Override
    public Optional<String> readConfig() {
        return read(keys.config()).map(Entry::value);
    }

    @Override
    public ConfigWrite writeConfig(String json, boolean force) {
        String key = keys.config();
        return new ConfigCompareAndSet<>(where, key, new ConfigCompareAndSet.Store<Entry>() {
            @Override
            public Optional<Entry> read() {
                return EtcdctlPort.this.read(key);
            }

            @Override
            public String value(Entry read) {
                return read.value();
            }

            @Override
            public boolean createIfAbsent(String value) {
                return conditional(ctl.create(key, value), "create " + key, V2_NODE_EXISTS);
            }

            @Override
            public boolean overwriteIfUnchanged(Entry seen, String value) {
                return conditional(ctl.overwrite(key, seen.version(), value), "overwrite " + key, V2_COMPARE_FAILED);
            }
        }).write(json, force);
    }

    /** True when the write happened, false when its condition did not hold; throws on any other outcome. */
    private boolean conditional(String cmd, String what, int v2ConditionFailed) {
        ExecResult r = master.exec(cmd, TIMEOUT);
        if (api() == EtcdApi.V2) {
            if (!r.ok() && v2Error(r) == v2ConditionFailed) {
                return false;
            }
            reply(r, what, cmd);
            return true;
        }
        // a v3 transaction whose compare failed exits 0 without "succeeded" (Go omits false)
        return reply(r, what, cmd).path("succeeded").asBoolean(false);
    }

    @Override
    public List<Lease> leases() {
        String folder = keys.subnets();
        String cmd = ctl.listJson(folder);
        ExecResult r = master.exec(cmd, TIMEOUT);
        List<Entry> entries = new ArrayList<>();
        if (api() == EtcdApi.V2) {
            if (!r.ok() && v2Error(r) == V2_KEY_NOT_FOUND) {
                return List.of();
            }
            collectV2(reply(r, "list " + folder, cmd).path("node"), entries);
        } else {
            for (JsonNode kv : reply(r, "list " + folder, cmd).path("kvs")) {
                entries.add(new Entry(base64(field(kv, "key", cmd)), base64(kv.path("value").asText()), kv.path("mod_revision").asLong()));
            }
        }
        entries.sort(Comparator.comparing(Entry::key));
        List<Lease> leases = new ArrayList<>();
        for (Entry e : entries) {
            leases.add(Lease.parse(keys, e.key(), e.value()));
        }
        return leases;
    }

    /** v2 {@code ls --recursive}: folders carry {@code nodes}, keys carry {@code value}. */
    private static void collectV2(JsonNode node, List<Entry> out) {
        for (JsonNode child : node.path("nodes")) {
            if (child.path("dir").asBoolean(false)) {
                collectV2(child, out);
            } else if (child.hasNonNull("value")) {
                out.add(new Entry(child.path("key").asText(), child.path("value").asText(), child.path("modifiedIndex").asLong()));
            }
        }
    }

    @Override
    public Health health() {
        String cmd = ctl.getJson(keys.config());
        try {
            ExecResult r = master.exec(cmd, TIMEOUT);
            if (r.ok() || (api() == EtcdApi.V2 && v2Error(r) == V2_KEY_NOT_FOUND)) {
                return new Health(true, "", (api() == EtcdApi.V2 ? "v2 keys API" : "v3 API") + " answered a read of "
                        + keys.config() + " through " + where);
            }
            String out = (r.stderr() + r.stdout()).strip();
            boolean v2Off = api() == EtcdApi.V2 && (out.contains("404 page not found") || out.contains("invalid json"));
            return new Health(false, "", "`" + cmd + "` exited " + r.exitCode() + ": " + Commands.excerpt(out, 400)
                    + (v2Off ? "\n  the v2 keys API does not answer; etcd 3.4 needs --enable-v2=true" : ""));
        } catch (RuntimeException e) {
            return new Health(false, "", "could not run etcdctl on " + master.nodeName() + ": " + e.getMessage());
        }
    }

    /** The command's JSON reply; any failure or non-JSON output is an {@link EtcdException} with the evidence. */
    private JsonNode reply(ExecResult r, String what, String cmd) {
        if (!r.ok()) {
            String out = (r.stderr() + r.stdout()).strip();
            boolean v2Off = api() == EtcdApi.V2 && (out.contains("404 page not found") || out.contains("invalid json"));
            throw new EtcdException(where, what + " failed: `" + cmd + "` exited " + r.exitCode() + ": " + Commands.excerpt(out, 600),
                    v2Off ? "etcd 3.4 serves the v2 API only with --enable-v2=true (ETCD_ENABLE_V2=true in /etc/default/etcd)"
                            : "check etcd runs (`systemctl status etcd` on the master) and listens on the client port", null);
        }
        try {
            return Json.object(r.stdout());
        } catch (IllegalArgumentException e) {
            throw new EtcdException(where, what + ": `" + cmd + "` printed no JSON: " + Commands.excerpt(r.stdout().strip(), 400),
                    "check the etcdctl on " + master.nodeName() + " (`etcdctl version`); Overlay Lab needs etcdctl's JSON output", e);
        }
    }

    private String field(JsonNode node, String name, String cmd) {
        JsonNode v = node.get(name);
        if (v == null || !v.isTextual()) {
            throw new EtcdException(where, "`" + cmd + "` answered JSON without \"" + name + "\": " + node, null, null);
        }
        return v.asText();
    }

    private static int v2Error(ExecResult r) {
        Matcher m = V2_ERROR.matcher(r.stderr() + "\n" + r.stdout());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String base64(String encoded) {
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        // the shell is the run's; nothing of our own stays open
    }
}
