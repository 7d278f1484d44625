package dev.overlaylab.net;

import dev.overlaylab.model.Cidr;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the first IPv4 address out of {@code ip -4 -o addr show dev IFACE}. */
public final class InterfaceAddress {
    /** The command whose output {@link #firstInet(String)} reads, for docker's bridge. */
    public static final String DOCKER0 = "ip -4 -o addr show dev docker0";

    private static final Pattern INET = Pattern.compile("\\binet (\\S+)");

    private InterfaceAddress() {
    }

    /** e.g. {@code 10.1.35.1/24} from {@code 4: docker0    inet 10.1.35.1/24 brd ... scope global docker0}. */
    public static Optional<Cidr> firstInet(String ipAddrOutput) {
        Matcher m = INET.matcher(ipAddrOutput);
        return m.find() ? Cidr.tryParse(m.group(1)) : Optional.empty();
    }
}
