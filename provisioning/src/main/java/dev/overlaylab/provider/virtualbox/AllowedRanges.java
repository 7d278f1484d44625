package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.model.Cidr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The host-only ranges VirtualBox ≥ 6.1.28 accepts on Linux and macOS: 192.168.56.0/21 plus the
 * ranges on the {@code *} lines of {@code /etc/vbox/networks.conf} (e.g. {@code * 10.0.0.0/8 192.168.0.0/16}).
 * IPv6 ranges are ignored here. The check is lenient on purpose: should a VirtualBox build honour only
 * the file's ranges, its own refusal is still caught and explained by {@link VBoxErrorHints}.
 *
 * @param ranges the IPv4 ranges allowed
 * @param source where they came from, for messages
 */
public record AllowedRanges(List<Cidr> ranges, String source) {
    public static final Path NETWORKS_CONF = Path.of("/etc/vbox/networks.conf");
    public static final Cidr DEFAULT_RANGE = Cidr.parse("192.168.56.0/21").normalized();

    public AllowedRanges {
        ranges = List.copyOf(ranges);
    }

    public static AllowedRanges defaults() {
        return new AllowedRanges(List.of(DEFAULT_RANGE), "VirtualBox's default range");
    }

    /** Reads networks.conf at {@code file} when it exists, else the default range. */
    public static AllowedRanges read(Path file) {
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Parses networks.conf: only lines starting with {@code *} count; the default range stays allowed. */
    public static AllowedRanges parse(String text, String source) {
        List<Cidr> out = new ArrayList<>();
        out.add(DEFAULT_RANGE);
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
        return new AllowedRanges(out, "192.168.56.0/21 and " + source);
    }

    public boolean allows(Cidr net) {
        return ranges.stream().anyMatch(r -> r.contains(net));
    }
}
