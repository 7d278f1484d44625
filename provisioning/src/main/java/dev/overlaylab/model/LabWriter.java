package dev.overlaylab.model;

import dev.overlaylab.model.FlannelSettings.BinarySource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Writes a {@link Lab} as a lab file (the wizard's "save"). Every field is written explicitly, in the
 * order docs/lab-file.md lists them, so {@code LabLoader.parse(LabWriter.toYaml(lab))} gives the same lab.
 */
public final class LabWriter {
    private LabWriter() {
    }

    public static String toYaml(Lab lab) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", lab.name());
        root.put("provider", lab.provider());
        root.put("profile", lab.profile());
        root.put("network", map("cidr", lab.network().cidr(), "hostIp", lab.network().hostIp()));
        List<Object> nodes = new ArrayList<>();
        for (Node n : lab.nodes()) {
            Map<String, Object> node = map("name", n.name(), "ip", n.ip(), "role", n.role().yamlName());
            if ("hosts".equals(lab.provider())) {
                SshEndpoint s = n.ssh();
                Map<String, Object> ssh = map("host", s.host(), "port", s.port(), "user", s.user());
                s.keyFile().ifPresent(k -> ssh.put("key", k));
                ssh.put("sudo", s.sudo());
                node.put("ssh", ssh);
            }
            nodes.add(node);
        }
        root.put("nodes", nodes);
        EtcdSettings e = lab.etcd();
        root.put("etcd", map("members", e.members(), "clientPort", e.clientPort(), "peerPort", e.peerPort(),
                "prefix", e.prefix(), "api", e.api().name().toLowerCase(Locale.ROOT)));
        root.put("flannel", flannel(lab.flannel()));
        root.put("docker", map("mtu", lab.docker().mtu().isPresent() ? (Object) lab.docker().mtu().getAsInt() : "flannel"));
        VerifySettings v = lab.verify();
        root.put("verify", map("pods", v.pods(), "http", v.http(), "mtuProbe", v.mtuProbe(), "image", v.image()));
        lab.kubernetes().ifPresent(k -> root.put("kubernetes", kubernetes(k)));
        lab.templates().ifPresent(t -> root.put("templates", t.toString()));
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.AUTO).setWidth(120)
                .setIndent(2).setIndicatorIndent(2).setIndentWithIndicator(true).build();
        return "# Overlay Lab lab file; every field is described in docs/lab-file.md\n"
                + new Dump(settings).dumpToString(root);
    }

    private static Map<String, Object> flannel(FlannelSettings f) {
        Map<String, Object> m = map("version", f.version(), "network", f.network(), "subnetLen", f.subnetLen());
        f.subnetMin().ifPresent(x -> m.put("subnetMin", x));
        f.subnetMax().ifPresent(x -> m.put("subnetMax", x));
        Map<String, Object> backend = map("type", f.backend().type());
        f.backend().options().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(o -> backend.put(o.getKey(), o.getValue()));
        m.put("backend", backend);
        f.iface().ifPresent(x -> m.put("iface", x));
        m.put("ipMasq", f.ipMasq());
        BinarySource b = f.binary();
        Map<String, Object> binary = new LinkedHashMap<>();
        put(binary, "url", b.url());
        put(binary, "sha256", b.sha256());
        put(binary, "file", b.file());
        m.put("binary", binary);
        return m;
    }

    private static Map<String, Object> kubernetes(KubernetesSettings k) {
        Map<String, Object> binaries = map("url", k.binaries().url());
        put(binaries, "sha256", k.binaries().sha256());
        return map("version", k.version(), "serviceCidr", k.serviceCidr(), "masterSchedulable", k.masterSchedulable(),
                "clusterDomain", k.clusterDomain(), "binaries", binaries);
    }

    private static void put(Map<String, Object> m, String key, Optional<String> value) {
        value.ifPresent(v -> m.put(key, v));
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
