package dev.overlaylab.etcd;

import dev.overlaylab.model.EtcdSettings.EtcdApi;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The etcd v3 API through jetcd: what flannel ≥ 0.18 reads. One {@link Client} per lab, given every
 * endpoint: jetcd balances over them and leaves out the ones it cannot reach.
 */
public final class EtcdV3Gateway implements EtcdPort {
    private final List<String> endpoints;
    private final String where;
    private final EtcdKeys keys;
    private final Duration timeout;
    private final Client client;
    private final KV kv;

    /** {@code where} names the etcd for people, e.g. "192.168.56.101:2379 via ssh to node1". */
    public EtcdV3Gateway(List<String> endpoints, String where, EtcdKeys keys, Duration timeout) {
        this.where = where;
        this.endpoints = List.copyOf(endpoints);
        this.keys = keys;
        this.timeout = timeout;
        this.client = Client.builder().endpoints(endpoints.toArray(String[]::new)).connectTimeout(timeout).build();
        this.kv = client.getKVClient();
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

    @Override
    public Optional<String> readConfig() {
        return current().map(kvp -> text(kvp.getValue()));
    }

    private Optional<KeyValue> current() {
        GetResponse r = await(kv.get(bytes(keys.config())), "read " + keys.config());
        return r.getKvs().stream().findFirst();
    }

    @Override
    public ConfigWrite writeConfig(String json, boolean force) {
        ByteSequence key = bytes(keys.config());
        return new ConfigCompareAndSet<>(where, keys.config(), new ConfigCompareAndSet.Store<KeyValue>() {
            @Override
            public Optional<KeyValue> read() {
                return current();
            }

            @Override
            public String value(KeyValue read) {
                return text(read.getValue());
            }

            @Override
            public boolean createIfAbsent(String value) {
                // createRevision == 0 means "the key does not exist": nobody wrote it since we looked.
                return putIf(new Cmp(key, Cmp.Op.EQUAL, CmpTarget.createRevision(0)), value, "create ");
            }

            @Override
            public boolean overwriteIfUnchanged(KeyValue seen, String value) {
                return putIf(new Cmp(key, Cmp.Op.EQUAL, CmpTarget.modRevision(seen.getModRevision())), value, "overwrite ");
            }

            private boolean putIf(Cmp condition, String value, String what) {
                TxnResponse r = await(kv.txn().If(condition).Then(Op.put(key, bytes(value), PutOption.DEFAULT)).commit(),
                        what + keys.config());
                return r.isSucceeded();
            }
        }).write(json, force);
    }

    @Override
    public List<Lease> leases() {
        GetOption prefix = GetOption.builder().isPrefix(true).withSortField(GetOption.SortTarget.KEY)
                .withSortOrder(GetOption.SortOrder.ASCEND).build();
        GetResponse r = await(kv.get(bytes(keys.subnets()), prefix), "list " + keys.subnets());
        List<Lease> leases = new ArrayList<>();
        for (KeyValue each : r.getKvs()) {
            leases.add(Lease.parse(keys, text(each.getKey()), text(each.getValue())));
        }
        return leases;
    }

    /** The first endpoint whose member answers a status request; each is asked within the timeout. */
    @Override
    public Health health() {
        String why = "";
        for (String endpoint : endpoints) {
            try {
                var status = client.getMaintenanceClient().statusMember(endpoint).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return new Health(true, status.getVersion(), "v3 status answered at " + endpoint + " (leader "
                        + Long.toHexString(status.getLeader()) + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Health(false, "", "interrupted");
            } catch (ExecutionException | TimeoutException e) {
                why = "no v3 status answer within " + timeout.toSeconds() + " s from " + endpoint + ": "
                        + (e.getCause() != null ? e.getCause().getMessage() : e.getClass().getSimpleName());
            }
        }
        return new Health(false, "", why);
    }

    private <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new EtcdException(where, "no answer within " + timeout.toSeconds() + " s to " + what,
                    "check etcd runs on the master (`systemctl status etcd`) and listens on the client port", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EtcdException(where, "interrupted during " + what, null, e);
        } catch (ExecutionException e) {
            throw new EtcdException(where, what + " failed", "check etcd's log on the master (`journalctl -u etcd`)", e.getCause());
        }
    }

    private static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }

    private static String text(ByteSequence b) {
        return b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        client.close();
    }
}
