package dev.overlaylab.engine;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The little IPv4 arithmetic the steps need to compare docker0 with flannel's subnet. */
public final class Ipv4 {
    private static final Pattern INET = Pattern.compile("\\binet (\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+)");

    private Ipv4() {
    }

    public static long toLong(String ip) {
        String[] p = ip.split("\\.");
        if (p.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + ip);
        }
        long v = 0;
        for (String s : p) {
            v = (v << 8) | (Integer.parseInt(s) & 0xff);
        }
        return v;
    }

    /** True when {@code ip} lies inside {@code cidr} (e.g. 10.1.15.1 in 10.1.15.1/24). */
    public static boolean contains(String cidr, String ip) {
        String[] c = cidr.split("/");
        int len = Integer.parseInt(c[1]);
        long mask = len == 0 ? 0 : (0xffffffffL << (32 - len)) & 0xffffffffL;
        return (toLong(c[0]) & mask) == (toLong(ip) & mask);
    }

    /** The first {@code inet a.b.c.d/n} in {@code ip addr} output. */
    public static Optional<String> firstInet(String ipAddrOutput) {
        Matcher m = INET.matcher(ipAddrOutput);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
