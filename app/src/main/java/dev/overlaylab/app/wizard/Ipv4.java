package dev.overlaylab.app.wizard;

import java.util.Optional;

/** Just enough IPv4 arithmetic to prefill the wizard; the engine's validation has the final word. */
final class Ipv4 {
    private Ipv4() {
    }

    /** The address {@code hostNumber} inside {@code cidr}, if the CIDR parses and has room for it. */
    static Optional<String> hostAt(String cidr, int hostNumber) {
        String[] parts = cidr == null ? new String[0] : cidr.trim().split("/");
        if (parts.length != 2) {
            return Optional.empty();
        }
        Optional<Long> base = parse(parts[0]);
        int len;
        try {
            len = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (base.isEmpty() || len < 0 || len > 30) {
            return Optional.empty();
        }
        long size = 1L << (32 - len);
        if (hostNumber <= 0 || hostNumber >= size - 1) {
            return Optional.empty();
        }
        long mask = (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL;
        return Optional.of(format((base.get() & mask) + hostNumber));
    }

    static Optional<Long> parse(String ip) {
        String[] o = ip.split("\\.", -1);
        if (o.length != 4) {
            return Optional.empty();
        }
        long v = 0;
        for (String s : o) {
            if (s.isEmpty() || s.length() > 3 || !s.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int n = Integer.parseInt(s);
            if (n > 255) {
                return Optional.empty();
            }
            v = (v << 8) | n;
        }
        return Optional.of(v);
    }

    static String format(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }
}
