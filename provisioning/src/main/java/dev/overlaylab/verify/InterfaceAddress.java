package dev.overlaylab.verify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the first IPv4 address out of {@code ip -o -4 addr show dev IFACE}. */
public final class InterfaceAddress {
    private static final Pattern INET = Pattern.compile("\\binet (\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+)");

    private InterfaceAddress() {
    }

    /** e.g. {@code 10.1.35.1/24} from {@code 4: docker0    inet 10.1.35.1/24 brd ... scope global docker0}. */
    public static Optional<Ipv4Cidr> firstInet(String ipAddrOutput) {
        Matcher m = INET.matcher(ipAddrOutput);
        return m.find() ? Ipv4Cidr.parse(m.group(1)) : Optional.empty();
    }
}
