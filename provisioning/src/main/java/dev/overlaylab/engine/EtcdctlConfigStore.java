package dev.overlaylab.engine;

import dev.overlaylab.exec.Commands;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.Lab;
import dev.overlaylab.ssh.NodeShell;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The network config store through {@code etcdctl} on the master node, over its SSH shell: needs no
 * port forward and speaks whichever API the flannel version reads (v3 transactions, or v2
 * {@code mk}/{@code set --swap-with-value} for flannel ≤ 0.17). Every write is compare-and-set.
 */
public final class EtcdctlConfigStore implements NetworkConfigStore {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private final NodeShell master;
    private final String key;
    private final String endpoint;
    private final boolean v2;

    public EtcdctlConfigStore(Lab lab, NodeShell master) {
        this.master = master;
        this.key = lab.etcd().configKey();
        this.endpoint = "http://" + lab.master().ip() + ":" + lab.etcd().clientPort();
        this.v2 = switch (lab.etcd().api()) {
            case V2 -> true;
            case V3 -> false;
            case AUTO -> lab.flannel().usesEtcdV2();
        };
    }

    private String etcdctl(String args) {
        return "ETCDCTL_API=" + (v2 ? "2" : "3") + " etcdctl --endpoints=" + endpoint + " " + args;
    }

    @Override
    public Optional<String> readConfig() {
        String cmd = v2 ? etcdctl("get " + Commands.quote(key)) : etcdctl("get --print-value-only " + Commands.quote(key));
        ExecResult r = master.exec(cmd, TIMEOUT);
        if (v2 && !r.ok() && r.stderr().contains("Key not found")) {
            return Optional.empty();
        }
        if (!r.ok()) {
            throw StepFailure.command("cannot read " + key + " from etcd", cmd, r, "check etcd is healthy on the master");
        }
        String value = r.stdout().endsWith("\n") ? r.stdout().substring(0, r.stdout().length() - 1) : r.stdout();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public PutResult putConfig(String json, boolean force) {
        Optional<String> existing = readConfig();
        // the same document with other spacing or key order is the same config
        if (existing.isPresent() && dev.overlaylab.etcd.EtcdGateway.sameJson(existing.get(), json)) {
            return new PutResult(Outcome.UNCHANGED, existing.get());
        }
        if (existing.isPresent() && !force) {
            return new PutResult(Outcome.REFUSED, existing.get());
        }
        boolean won = existing.isEmpty() ? create(json) : swap(existing.get(), json);
        if (won) {
            return new PutResult(existing.isEmpty() ? Outcome.CREATED : Outcome.REPLACED, existing.orElse(""));
        }
        // someone wrote between our read and our write: judge their value instead of overwriting it
        Optional<String> now = readConfig();
        return new PutResult(now.isPresent() && dev.overlaylab.etcd.EtcdGateway.sameJson(now.get(), json) ? Outcome.UNCHANGED : Outcome.REFUSED, now.orElse(""));
    }

    private boolean create(String json) {
        if (v2) {
            return conditional(etcdctl("mk " + Commands.quote(key) + " " + Commands.quote(json)), "Key already exists");
        }
        return txn("create(\"" + key + "\") = \"0\"", json);
    }

    private boolean swap(String old, String json) {
        if (v2) {
            return conditional(etcdctl("set --swap-with-value " + Commands.quote(old) + " " + Commands.quote(key) + " " + Commands.quote(json)),
                    "Compare failed");
        }
        return txn("value(\"" + key + "\") = " + txnString(old), json);
    }

    /** True when the write happened, false when its condition did not hold; throws on any other error. */
    private boolean conditional(String cmd, String conditionFailed) {
        ExecResult r = master.exec(cmd, TIMEOUT);
        if (r.ok()) {
            return true;
        }
        if (r.stderr().contains(conditionFailed)) {
            return false;
        }
        throw StepFailure.command("cannot write " + key + " to etcd", cmd, r, "check etcd is healthy on the master");
    }

    /** An etcdctl v3 transaction fed on stdin: compares, blank line, success ops, blank line, no failure ops. */
    private boolean txn(String compare, String json) {
        List<String> lines = List.of(compare, "", "put " + key + " " + txnString(json), "", "");
        String cmd = "printf '%s\\n' " + String.join(" ", lines.stream().map(Commands::quote).map(q -> q.isEmpty() ? "''" : q).toList())
                + " | " + etcdctl("txn");
        ExecResult r = master.exec(cmd, TIMEOUT);
        if (!r.ok()) {
            throw StepFailure.command("cannot write " + key + " to etcd", cmd, r, "check etcd is healthy on the master");
        }
        return r.stdout().strip().startsWith("SUCCESS");
    }

    private static String txnString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
