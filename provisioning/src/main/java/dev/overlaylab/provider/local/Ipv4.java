package dev.overlaylab.provider.local;

/** The little IPv4 arithmetic the local provider needs (CIDR prefix, membership). */
final class Ipv4 {
    private Ipv4() {
    }

    static int prefixLength(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a CIDR range (a.b.c.d/len): " + cidr);
        }
        int len = Integer.parseInt(cidr.substring(slash + 1));
        if (len < 8 || len > 30) {
            throw new IllegalArgumentException("host-only network " + cidr + ": prefix length must be 8..30");
        }
        return len;
    }

    static long toLong(String ip) {
        String[] p = ip.split("\\.");
        if (p.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + ip);
        }
        long v = 0;
        for (String s : p) {
            int o = Integer.parseInt(s);
            if (o < 0 || o > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + ip);
            }
            v = (v << 8) | o;
        }
        return v;
    }

    /** True when {@code ipOrCidr} (an address, or an address/len as {@code ip -o addr} prints it) lies in {@code cidr}. */
    static boolean contains(String cidr, String ipOrCidr) {
        int len = prefixLength(cidr);
        long mask = len == 0 ? 0 : (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL;
        String ip = ipOrCidr.contains("/") ? ipOrCidr.substring(0, ipOrCidr.indexOf('/')) : ipOrCidr;
        return (toLong(ip) & mask) == (toLong(cidr.substring(0, cidr.indexOf('/'))) & mask);
    }
}
