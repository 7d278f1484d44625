package dev.overlaylab.engine.steps;

import dev.overlaylab.node.NodeLayout;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** flanneld's {@code /run/flannel/subnet.env}: FLANNEL_NETWORK, FLANNEL_SUBNET, FLANNEL_MTU, FLANNEL_IPMASQ. */
public final class SubnetEnv {
    public static final String PATH = NodeLayout.SUBNET_ENV;

    private SubnetEnv() {
    }

    public static Map<String, String> parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                m.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip().replace("\"", ""));
            }
        }
        return m;
    }

    /** FLANNEL_SUBNET from the file's bytes, if the file is there and has it. */
    public static Optional<String> subnet(Optional<byte[]> file) {
        return file.map(b -> parse(new String(b, StandardCharsets.UTF_8)).get("FLANNEL_SUBNET"))
                .filter(s -> s != null && !s.isBlank());
    }
}
