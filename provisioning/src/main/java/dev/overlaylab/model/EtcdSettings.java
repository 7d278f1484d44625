package dev.overlaylab.model;

/**
 * etcd for flannel.
 *
 * @param members    1 or 3 members on the first nodes (an even count cannot hold a quorum better)
 * @param clientPort 2379 by default
 * @param peerPort   2380 by default
 * @param prefix     flannel's key prefix, {@code /coreos.com/network} by default
 * @param api        which etcd API holds the config; {@link EtcdApi#AUTO} picks by flannel version
 */
public record EtcdSettings(int members, int clientPort, int peerPort, String prefix, EtcdApi api) {

    public enum EtcdApi {
        AUTO, V2, V3
    }

    /** The key flannel reads its network config from. */
    public String configKey() {
        return prefix + "/config";
    }

    /** The folder under which flannel keeps one lease per node subnet. */
    public String subnetsPrefix() {
        return prefix + "/subnets/";
    }
}
