package dev.overlaylab.net;

import dev.overlaylab.model.Cidr;
import dev.overlaylab.node.NodeLayout;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * flanneld's {@code /run/flannel/subnet.env}, the one reader of it for the engine, verify and
 * diagnose. flanneld writes, e.g.
 * <pre>
 * FLANNEL_NETWORK=10.1.0.0/16
 * FLANNEL_SUBNET=10.1.35.1/24
 * FLANNEL_MTU=1450
 * FLANNEL_IPMASQ=false
 * </pre>
 * FLANNEL_SUBNET is docker0's address and prefix (the lab's docker drop-in passes it as
 * {@code --bip}), not the network of the lease.
 */
public record SubnetEnv(Map<String, String> values) {

    /** Where flanneld writes the file on a node. */
    public static final String PATH = NodeLayout.SUBNET_ENV;

    public SubnetEnv {
        values = Map.copyOf(values);
    }

    /** KEY=VALUE lines; blank lines, comments and lines without '=' are skipped; one pair of surrounding double quotes is removed. */
    public static SubnetEnv parse(String text) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            int eq = l.indexOf('=');
            if (l.isEmpty() || l.startsWith("#") || eq <= 0) {
                continue;
            }
            String value = l.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            v.put(l.substring(0, eq).strip(), value);
        }
        return new SubnetEnv(v);
    }

    /** The file as a node shell reads it (absent when there is no file). */
    public static Optional<SubnetEnv> of(Optional<byte[]> file) {
        return file.map(b -> parse(new String(b, StandardCharsets.UTF_8)));
    }

    /** {@code FLANNEL_SUBNET} as written: docker0's address and prefix, e.g. {@code 10.1.35.1/24}. */
    public Optional<Cidr> subnet() {
        return Optional.ofNullable(values.get("FLANNEL_SUBNET")).flatMap(Cidr::tryParse);
    }

    public Optional<Cidr> network() {
        return Optional.ofNullable(values.get("FLANNEL_NETWORK")).flatMap(Cidr::tryParse);
    }

    public OptionalInt mtu() {
        String m = values.get("FLANNEL_MTU");
        if (m == null || !m.matches("\\d{1,6}")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(m));
    }

    /** Complete enough to check against: subnet, network and MTU present and well formed. */
    public boolean complete() {
        return subnet().isPresent() && network().isPresent() && mtu().isPresent();
    }
}
