package dev.overlaylab.model;

import dev.overlaylab.model.Cidr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The host-only ranges VirtualBox ≥ 6.1.28 accepts on Linux and macOS, computed as VirtualBox does:
 * without {@code /etc/vbox/networks.conf}, 192.168.56.0/21; with it, ONLY the ranges on its
 * {@code *} lines — the file replaces the default, it does not add to it. Seen on the real 7.2.22:
 * with {@code * 10.0.0.0/8}, {@code hostonlyif ipconfig --ip 192.168.56.1} is refused with
 * E_ACCESSDENIED, and an empty (or comments-only) file allows nothing at all. IPv6 ranges are
 * ignored here. The only parser of networks.conf in Overlay Lab: validation, pre-flight, the dry
 * run, the diagnoser and {@code olab doctor} all ask this class.
 *
 * @param ranges the IPv4 ranges allowed
 * @param file   networks.conf when it exists (then {@code ranges} are its lines), else empty (the default range)
 */
public record AllowedRanges(List<Cidr> ranges, Optional<Path> file) {
    public static final Path NETWORKS_CONF = Path.of("/etc/vbox/networks.conf");
    public static final Cidr DEFAULT_RANGE = Cidr.parse("192.168.56.0/21").normalized();

    public AllowedRanges {
        ranges = List.copyOf(ranges);
    }

    /** No networks.conf: VirtualBox's default range. */
    public static AllowedRanges defaults() {
        return new AllowedRanges(List.of(DEFAULT_RANGE), Optional.empty());
    }

    /** Reads networks.conf at {@code file} when it exists, else the default range. */
    public static AllowedRanges read(Path file) {
        if (!Files.exists(file)) {
            return defaults();
        }
        try {
            return parse(Files.readString(file), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The ranges of networks.conf's text when the file exists, {@link #defaults()} when it does not. */
    public static AllowedRanges of(Optional<String> text, Path file) {
        return text.map(t -> parse(t, file)).orElseGet(AllowedRanges::defaults);
    }

    /** Parses networks.conf: only the words of lines starting with {@code *} count. */
    public static AllowedRanges parse(String text, Path file) {
        List<Cidr> out = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (!line.startsWith("*")) {
                continue;
            }
            for (String word : line.substring(1).strip().split("\\s+")) {
                if (word.isEmpty() || word.contains(":")) {
                    continue;
                }
                // a malformed word: VirtualBox ignores it too
                Cidr.tryParseAddressOrCidr(word).map(Cidr::normalized).ifPresent(out::add);
            }
        }
        return new AllowedRanges(out, Optional.of(file));
    }

    public boolean allows(Cidr net) {
        return ranges.stream().anyMatch(r -> r.contains(net));
    }

    /** Whether {@code cidr} (e.g. "10.10.0.0/24") is allowed; false for text that is no IPv4 network. */
    public boolean allows(String cidr) {
        try {
            return allows(Cidr.parse(cidr));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** e.g. "192.168.56.0/21 (VirtualBox's default: /etc/vbox/networks.conf does not exist)". */
    public String describe() {
        String list = ranges.isEmpty() ? "nothing" : String.join(", ", ranges.stream().map(Cidr::toString).toList());
        return file.map(f -> list + " (the '*' lines of " + f + ", which replace VirtualBox's default 192.168.56.0/21)")
                .orElse(list + " (VirtualBox's default: " + NETWORKS_CONF + " does not exist)");
    }

    /** The two ways out for a network outside these ranges. */
    public String fixFor(String cidr) {
        String net = networkOf(cidr);
        String conf = file.map(Path::toString).orElse(NETWORKS_CONF.toString());
        String inside = ranges.isEmpty() ? "" : "use a network inside " + ranges.get(0) + " in the lab file, or ";
        String line = file.isPresent()
                ? "add " + net + " to a '*' line of " + conf + " (as root)"
                : "create " + conf + " (as root) with the line '* " + DEFAULT_RANGE + " " + net
                        + "' (keep 192.168.56.0/21 on it: the file replaces the default)";
        return inside + line + ", then run again";
    }

    private static String networkOf(String cidr) {
        try {
            return Cidr.parse(cidr).normalized().toString();
        } catch (RuntimeException e) {
            return cidr;
        }
    }
}
