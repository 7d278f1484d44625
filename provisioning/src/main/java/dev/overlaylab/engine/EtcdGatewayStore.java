package dev.overlaylab.engine;

import dev.overlaylab.etcd.ConfigConflictException;
import dev.overlaylab.etcd.EtcdConnections;
import dev.overlaylab.etcd.EtcdGateway;
import dev.overlaylab.etcd.EtcdKeys;
import dev.overlaylab.model.EtcdSettings;
import dev.overlaylab.model.Lab;
import dev.overlaylab.ssh.NodeShell;
import dev.overlaylab.ssh.SshNodeShell;
import java.time.Duration;
import java.util.Optional;

/**
 * The network config store through the etcd gateway (jetcd for v3, the v2 keys API for flannel ≤
 * 0.17), reached over an SSH local forward from the master's connection.
 */
public final class EtcdGatewayStore implements NetworkConfigStore {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final EtcdGateway gateway;

    public EtcdGatewayStore(EtcdGateway gateway) {
        this.gateway = gateway;
    }

    /** The engine's default store factory: the gateway over SSH when the shell is sshj's, etcdctl on the node otherwise. */
    public static NetworkConfigStore open(Lab lab, NodeShell master) {
        if (master instanceof SshNodeShell ssh) {
            return new EtcdGatewayStore(EtcdConnections.throughSsh(ssh, lab.master().ip(), lab.etcd().clientPort(), api(lab),
                    new EtcdKeys(lab.etcd().prefix()), TIMEOUT));
        }
        return new EtcdctlConfigStore(lab, master);
    }

    static EtcdGateway.Api api(Lab lab) {
        EtcdSettings.EtcdApi a = lab.etcd().api();
        boolean v2 = a == EtcdSettings.EtcdApi.V2 || (a == EtcdSettings.EtcdApi.AUTO && lab.flannel().usesEtcdV2());
        return v2 ? EtcdGateway.Api.V2 : EtcdGateway.Api.V3;
    }

    @Override
    public PutResult putConfig(String json, boolean force) {
        Optional<String> before = gateway.readConfig();
        try {
            EtcdGateway.ConfigWrite w = gateway.writeConfig(json, force);
            return switch (w) {
                case CREATED -> new PutResult(Outcome.CREATED, "");
                case UNCHANGED -> new PutResult(Outcome.UNCHANGED, before.orElse(json));
                case OVERWRITTEN -> new PutResult(Outcome.REPLACED, before.orElse(""));
            };
        } catch (ConfigConflictException e) {
            return new PutResult(Outcome.REFUSED, e.existing());
        }
    }

    @Override
    public Optional<String> readConfig() {
        return gateway.readConfig();
    }

    @Override
    public void close() {
        gateway.close();
    }
}
