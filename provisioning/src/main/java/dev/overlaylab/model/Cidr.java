package dev.overlaylab.model;

import java.util.Optional;

/**
 * An IPv4 network in CIDR notation ({@code 10.1.0.0/16}) and the address arithmetic the lab needs:
 * containment, overlap, size and the n-th subnet of a given length. Addresses are held as the
 * unsigned 32-bit value in an {@code int}; use {@link #toLong(int)} to compare them.
 *
 * @param address the address as written (host bits may be set, see {@link #isNetworkAddress()})
 * @param prefix  prefix length, 0..32
 */
public record Cidr(int address, int prefix) {

    public Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix length " + prefix + " is not between 0 and 32");
        }
    }

    /**
     * Parses {@code a.b.c.d/len}.
     *
     * @throws IllegalArgumentException with a message fit for a person (no stack-trace jargon)
     */
    public static Cidr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty; write a network such as 10.1.0.0/16");
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a CIDR: add the prefix length, e.g. " + text + "/24");
        }
        int addr = parseAddress(text.substring(0, slash), text);
        String len = text.substring(slash + 1);
        if (!len.matches("\\d{1,2}") || Integer.parseInt(len) > 32) {
            throw new IllegalArgumentException("'" + text + "' is not a CIDR: the prefix length must be 0..32");
        }
        return new Cidr(addr, Integer.parseInt(len));
    }

    /** {@link #parse(String)} without the exception. */
    public static Optional<Cidr> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Parses a dotted-quad IPv4 address. */
    public static int parseAddress(String text) {
        return parseAddress(text, text);
    }

    public static Optional<Integer> tryParseAddress(String text) {
        try {
            return Optional.of(parseAddress(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int parseAddress(String text, String whole) {
        String[] parts = text == null ? new String[0] : text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("'" + whole + "' is not an IPv4 address (four numbers 0..255 joined by dots)");
        }
        int value = 0;
        for (String p : parts) {
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) {
                throw new IllegalArgumentException("'" + whole + "' is not an IPv4 address (four numbers 0..255 joined by dots)");
            }
            value = (value << 8) | Integer.parseInt(p);
        }
        return value;
    }

    public static String formatAddress(int address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "." + (address & 0xff);
    }

    /** The address as an unsigned value, for ordering and differences. */
    public static long toLong(int address) {
        return address & 0xffffffffL;
    }

    public int mask() {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    /** First address of the network (host bits cleared). */
    public int network() {
        return address & mask();
    }

    /** Last address of the network (the broadcast address for prefixes shorter than /31). */
    public int broadcast() {
        return network() | ~mask();
    }

    /** True when no host bits are set, i.e. the text names a network rather than an address in it. */
    public boolean isNetworkAddress() {
        return address == network();
    }

    /** This network with host bits cleared ({@code 192.168.56.1/24} → {@code 192.168.56.0/24}). */
    public Cidr normalized() {
        return new Cidr(network(), prefix);
    }

    /** Number of addresses, 2^(32-prefix). */
    public long size() {
        return 1L << (32 - prefix);
    }

    public boolean contains(int ip) {
        return (ip & mask()) == network();
    }

    public boolean contains(String ip) {
        return contains(parseAddress(ip));
    }

    /** True when every address of {@code other} is inside this network. */
    public boolean contains(Cidr other) {
        return other.prefix >= prefix && contains(other.network());
    }

    public boolean overlaps(Cidr other) {
        return contains(other.network()) || other.contains(network());
    }

    /** How many subnets of prefix length {@code len} fit in this network. */
    public long subnetCount(int len) {
        if (len < prefix || len > 32) {
            throw new IllegalArgumentException("a /" + len + " subnet does not fit in /" + prefix);
        }
        return 1L << (len - prefix);
    }

    /** The {@code n}-th (0-based) subnet of length {@code len}: {@code 10.1.0.0/16}.nthSubnet(24, 5) = {@code 10.1.5.0/24}. */
    public Cidr nthSubnet(int len, long n) {
        if (n < 0 || n >= subnetCount(len)) {
            throw new IndexOutOfBoundsException("subnet " + n + " of /" + len + " is outside " + this);
        }
        return new Cidr((int) (toLong(network()) + n * (1L << (32 - len))), len);
    }

    /** The {@code n}-th (0-based) address of the network: {@code 192.168.56.0/24}.nthAddress(1) = {@code 192.168.56.1}. */
    public int nthAddress(long n) {
        if (n < 0 || n >= size()) {
            throw new IndexOutOfBoundsException("address " + n + " is outside " + this);
        }
        return (int) (toLong(network()) + n);
    }

    @Override
    public String toString() {
        return formatAddress(address) + "/" + prefix;
    }
}
