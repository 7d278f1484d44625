package dev.overlaylab.verify;

import java.util.Optional;

/**
 * An IPv4 prefix with the arithmetic the checks need (contains, overlaps). An address without a
 * prefix length is a /32. {@code 10.1.35.1/24} keeps its host part in {@link #address()} and
 * {@link #network()} gives {@code 10.1.35.0/24}.
 */
public record Ipv4Cidr(long address, int prefix) {

    public Ipv4Cidr {
        if (prefix < 0 || prefix > 32 || address < 0 || address > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("not an IPv4 prefix: " + address + "/" + prefix);
        }
    }

    /** Parses {@code a.b.c.d[/len]}, or empty when the text is not one. */
    public static Optional<Ipv4Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        int slash = t.indexOf('/');
        int len = 32;
        String addr = t;
        try {
            if (slash >= 0) {
                len = Integer.parseInt(t.substring(slash + 1));
                addr = t.substring(0, slash);
            }
            String[] p = addr.split("\\.");
            if (p.length != 4 || len < 0 || len > 32) {
                return Optional.empty();
            }
            long v = 0;
            for (String octet : p) {
                int o = Integer.parseInt(octet);
                if (o < 0 || o > 255) {
                    return Optional.empty();
                }
                v = (v << 8) | o;
            }
            return Optional.of(new Ipv4Cidr(v, len));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static Ipv4Cidr of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv4 address or prefix: " + text));
    }

    private long mask() {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    public long first() {
        return address & mask();
    }

    public long last() {
        return first() | (~mask() & 0xFFFFFFFFL);
    }

    /** The prefix with the host bits cleared: {@code 10.1.35.1/24} → {@code 10.1.35.0/24}. */
    public Ipv4Cidr network() {
        return new Ipv4Cidr(first(), prefix);
    }

    /** True when this prefix holds the whole of {@code other} (an address is a /32). */
    public boolean contains(Ipv4Cidr other) {
        return other.prefix >= prefix && other.first() >= first() && other.last() <= last();
    }

    public boolean contains(String addressOrPrefix) {
        return parse(addressOrPrefix).map(this::contains).orElse(false);
    }

    public boolean overlaps(Ipv4Cidr other) {
        return first() <= other.last() && other.first() <= last();
    }

    /** The address alone, {@code 10.1.35.1}. */
    public String ip() {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255);
    }

    @Override
    public String toString() {
        return ip() + "/" + prefix;
    }
}
