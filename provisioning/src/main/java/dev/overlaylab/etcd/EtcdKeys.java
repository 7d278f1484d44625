package dev.overlaylab.etcd;

/**
 * Every etcd key Overlay Lab reads or writes, built here and nowhere else. flannel keeps its network
 * config at {@code <prefix>/config} and one lease per node at {@code <prefix>/subnets/10.1.35.0-24}.
 */
public record EtcdKeys(String prefix) {

    public EtcdKeys {
        if (!prefix.startsWith("/")) {
            throw new IllegalArgumentException("an etcd prefix starts with '/', got '" + prefix + "'");
        }
        while (prefix.length() > 1 && prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
    }

    public static EtcdKeys flannelDefault() {
        return new EtcdKeys("/coreos.com/network");
    }

    public String config() {
        return prefix + "/config";
    }

    /** The folder of leases, with its trailing slash (a prefix that matches only leases). */
    public String subnets() {
        return prefix + "/subnets/";
    }

    /** {@code 10.1.35.0/24} → {@code <prefix>/subnets/10.1.35.0-24}. */
    public String subnet(String cidr) {
        return subnets() + cidr.replace('/', '-');
    }

    /** {@code <prefix>/subnets/10.1.35.0-24} → {@code 10.1.35.0/24}. */
    public String subnetOf(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        int dash = name.lastIndexOf('-');
        return dash < 0 ? name : name.substring(0, dash) + "/" + name.substring(dash + 1);
    }
}
