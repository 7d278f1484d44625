package dev.overlaylab.model;

import java.util.Optional;

/**
 * The one IPv4 address/prefix type of the project: a network in CIDR notation ({@code 10.1.0.0/16}),
 * an interface address with its prefix ({@code 10.1.35.1/24}, as {@code ip addr} and flannel's
 * FLANNEL_SUBNET write it) or a single address (a /32). It holds the arithmetic the lab needs:
 * strict parsing, containment, overlap, network/broadcast, the n-th host and subnet, netmasks.
 * Addresses are held as the unsigned 32-bit value in an {@code int}; use {@link #toLong(int)} to
 * compare them.
 *
 * <p>Why our own type and not {@code com.github.seancfoley:ipaddress}: that library is a ~1 MB jar
 * covering IPv6, MAC addresses, ranges, tries and many string formats; we need IPv4 only and about
 * a dozen operations, which fit in this one file with the edge cases tested once in
 * {@code CidrTest}. Parsing is strict on purpose: each octet 0..255 in plain decimal without
 * leading zeros (so {@code 256} is an error, never silently 0, and {@code 010} is not read as
 * octal 8 the way {@code inet_aton} would).
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
        text = text.strip();
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

    /**
     * Parses an address with or without a prefix length ({@code 10.1.35.1/24}, or {@code 10.0.2.2},
     * which is a /32), as routes, firewall rules and {@code ip addr} print them; empty when the text
     * is neither (e.g. {@code default}, an IPv6 address).
     */
    public static Optional<Cidr> tryParseAddressOrCidr(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return text.contains("/") ? tryParse(text) : tryParseAddress(text.strip()).map(Cidr::host);
    }

    /** The single address {@code address} as a /32. */
    public static Cidr host(int address) {
        return new Cidr(address, 32);
    }

    /** From an address and a dotted netmask as VirtualBox lists them ({@code 192.168.56.1}, {@code 255.255.255.0}). */
    public static Cidr ofNetmask(String address, String netmask) {
        return new Cidr(parseAddress(address), prefixOfNetmask(netmask));
    }

    /** The prefix length of a dotted netmask; {@code 255.0.255.0} (not contiguous) is an error. */
    public static int prefixOfNetmask(String netmask) {
        int m = parseAddress(netmask);
        int bits = Integer.bitCount(m);
        if (m != new Cidr(0, bits).mask()) {
            throw new IllegalArgumentException("'" + netmask + "' is not a netmask (its one-bits must be contiguous from the left)");
        }
        return bits;
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
            if (!p.matches("0|[1-9]\\d{0,2}") || Integer.parseInt(p) > 255) {
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

    /** The address alone, dotted ({@code 10.1.35.1} for {@code 10.1.35.1/24}). */
    public String ip() {
        return formatAddress(address);
    }

    /** The prefix as a dotted netmask ({@code 255.255.255.0} for a /24). */
    public String netmask() {
        return formatAddress(mask());
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

    /**
     * The {@code n}-th usable host address (1-based): {@code 192.168.56.0/24}.nthHost(1) = {@code 192.168.56.1}.
     * The network and broadcast addresses are not hosts, so a /24 has hosts 1..254; a /31 or /32
     * (point-to-point or single address) has none counted this way.
     */
    public int nthHost(long n) {
        if (prefix > 30 || n < 1 || n > size() - 2) {
            throw new IndexOutOfBoundsException("host " + n + " is outside " + normalized()
                    + (prefix > 30 ? " (a /" + prefix + " has no host range)" : " (hosts are 1.." + (size() - 2) + ")"));
        }
        return nthAddress(n);
    }

    @Override
    public String toString() {
        return formatAddress(address) + "/" + prefix;
    }
}
