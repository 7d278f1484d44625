package dev.overlaylab.verify;

import dev.overlaylab.node.NodeLayout;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * flanneld's {@code /run/flannel/subnet.env}, e.g.
 * <pre>
 * FLANNEL_NETWORK=10.1.0.0/16
 * FLANNEL_SUBNET=10.1.35.1/24
 * FLANNEL_MTU=1450
 * FLANNEL_IPMASQ=false
 * </pre>
 */
public record SubnetEnv(Map<String, String> values) {

    public static final String PATH = NodeLayout.SUBNET_ENV;

    public SubnetEnv {
        values = Map.copyOf(values);
    }

    public static SubnetEnv parse(String text) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            int eq = l.indexOf('=');
            if (l.isEmpty() || l.startsWith("#") || eq <= 0) {
                continue;
            }
            String value = l.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\""))) {
                value = value.substring(1, value.length() - 1);
            }
            v.put(l.substring(0, eq).strip(), value);
        }
        return new SubnetEnv(v);
    }

    /** {@code FLANNEL_SUBNET} as written: docker0's address and prefix, e.g. {@code 10.1.35.1/24}. */
    public Optional<Ipv4Cidr> subnet() {
        return Optional.ofNullable(values.get("FLANNEL_SUBNET")).flatMap(Ipv4Cidr::parse);
    }

    public Optional<Ipv4Cidr> network() {
        return Optional.ofNullable(values.get("FLANNEL_NETWORK")).flatMap(Ipv4Cidr::parse);
    }

    public OptionalInt mtu() {
        try {
            String m = values.get("FLANNEL_MTU");
            return m == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(m));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Complete enough to check against: subnet, network and MTU present and well formed. */
    public boolean complete() {
        return subnet().isPresent() && network().isPresent() && mtu().isPresent();
    }
}
