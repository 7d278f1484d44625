package dev.overlaylab.ssh;

import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * Checks a node's host key against Overlay Lab's own known_hosts, trust-on-first-use made visible:
 * an address never seen before has its key recorded and announced to the {@link HostKeyListener};
 * a recorded address offering another key is refused and the mismatch kept so the caller can throw
 * {@link HostKeyChangedException} with both fingerprints (sshj itself only says "not verified").
 * One instance per connection attempt.
 */
final class AppHostKeyVerifier implements HostKeyVerifier {
    private final KnownHostsStore store;
    private final String node;
    private final HostKeyListener listener;
    private volatile HostKeyChangedException mismatch;

    AppHostKeyVerifier(KnownHostsStore store, String node, HostKeyListener listener) {
        this.store = store;
        this.node = node;
        this.listener = listener;
    }

    @Override
    public boolean verify(String host, int port, PublicKey key) {
        String type = KnownHostsStore.keyType(key);
        String offered = KnownHostsStore.sha256Fingerprint(key);
        String hostPort = host + ":" + port;
        List<KnownHostsStore.Entry> known = store.lookup(host, port);
        if (known.isEmpty()) {
            store.record(host, port, key);
            listener.firstKeyRecorded(node, hostPort, type, offered);
            return true;
        }
        Optional<KnownHostsStore.Entry> sameType = known.stream().filter(e -> e.keyType().equals(type)).findFirst();
        if (sameType.isPresent() && sameType.get().fingerprint().equals(offered)) {
            return true;
        }
        // Same type with other bytes, or a type never offered before while another is recorded:
        // both mean this is not the machine we met first.
        KnownHostsStore.Entry recorded = sameType.orElse(known.get(0));
        mismatch = new HostKeyChangedException(node, hostPort, recorded.keyType() + (recorded.keyType().equals(type) ? "" : " → " + type),
                recorded.fingerprint(), offered, store);
        return false;
    }

    /** Asks the server for the key types we already know, so it does not offer another type first. */
    @Override
    public List<String> findExistingAlgorithms(String host, int port) {
        return store.lookup(host, port).stream().map(KnownHostsStore.Entry::keyType).distinct().toList();
    }

    /** The mismatch seen during the last handshake, if the key was refused. */
    Optional<HostKeyChangedException> mismatch() {
        return Optional.ofNullable(mismatch);
    }
}
