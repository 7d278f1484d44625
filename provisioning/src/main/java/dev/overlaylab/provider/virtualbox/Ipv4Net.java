package dev.overlaylab.provider.virtualbox;

/**
 * An IPv4 network ({@code 192.168.56.0/24}); just enough arithmetic for host-only networks.
 */
public record Ipv4Net(long address, int prefix) {

    public Ipv4Net {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix length out of range: /" + prefix);
        }
        address = address & mask(prefix);
    }

    public static Ipv4Net parse(String cidr) {
        String[] p = cidr.strip().split("/");
        int prefix = p.length > 1 ? Integer.parseInt(p[1]) : 32;
        return new Ipv4Net(toLong(p[0]), prefix);
    }

    /** From an address and a dotted netmask as VirtualBox lists them. */
    public static Ipv4Net of(String ip, String netmask) {
        return new Ipv4Net(toLong(ip), prefixOf(netmask));
    }

    public static long toLong(String dotted) {
        String[] p = dotted.strip().split("\\.");
        if (p.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        long v = 0;
        for (String part : p) {
            int b = Integer.parseInt(part);
            if (b < 0 || b > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            v = (v << 8) | b;
        }
        return v;
    }

    public static String toDotted(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }

    public static int prefixOf(String netmask) {
        long m = toLong(netmask);
        int bits = Long.bitCount(m);
        if (m != mask(bits)) {
            throw new IllegalArgumentException("not a contiguous netmask: " + netmask);
        }
        return bits;
    }

    static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    public String netmask() {
        return toDotted(mask(prefix));
    }

    public String network() {
        return toDotted(address);
    }

    /** The n-th address of the network: {@code host(1)} is {@code .1}. */
    public String host(int n) {
        return toDotted(address + n);
    }

    public String last() {
        return toDotted(address | (~mask(prefix) & 0xFFFFFFFFL));
    }

    public boolean contains(String ip) {
        return (toLong(ip) & mask(prefix)) == address;
    }

    /** True when every address of {@code other} is inside this network. */
    public boolean contains(Ipv4Net other) {
        return other.prefix >= prefix && (other.address & mask(prefix)) == address;
    }

    public boolean overlaps(Ipv4Net other) {
        return contains(other) || other.contains(this);
    }

    @Override
    public String toString() {
        return network() + "/" + prefix;
    }
}
