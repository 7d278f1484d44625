package dev.overlaylab.render;

import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.EtcdSettings.EtcdApi;
import dev.overlaylab.model.FlannelSettings;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profile;
import dev.overlaylab.net.SubnetEnv;
import dev.overlaylab.node.NodeLayout;
import dev.overlaylab.render.kube.KubeModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The FreeMarker data model: the one place that decides what templates can see (documented for
 * people who override templates in templates/README.md). Plain maps, lists, strings, numbers and
 * booleans only, so templates never reach into Java objects. The lab-wide part is built once and
 * shared by every node.
 */
final class RenderModel {
    /** Where the base stage installs the flanneld binary on every node. */
    static final String FLANNELD_BINARY = "/usr/local/bin/flanneld";
    /** The file flanneld writes its lease to and docker's drop-in reads. */
    static final String SUBNET_ENV = NodeLayout.SUBNET_ENV;
    /** Debian's and Ubuntu's etcd packages keep their data here (their unit sets it too). */
    static final String ETCD_DATA_DIR = "/var/lib/etcd/default";

    private final Lab lab;
    private final Profile profile;
    private final Map<String, Object> shared;

    RenderModel(Lab lab, Profile profile) {
        this.lab = lab;
        this.profile = profile;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lab", Map.of("name", lab.name(), "provider", lab.provider()));
        m.put("profile", profileModel());
        m.put("network", networkModel());
        m.put("etcd", etcdModel());
        m.put("flannel", flannelModel());
        m.put("docker", dockerModel());
        lab.kubernetes().ifPresent(k -> m.put("kube", KubeModel.of(lab, k, profile)));
        this.shared = Map.copyOf(m);
    }

    /** The model a node's template sees: the lab-wide part plus {@code node} and {@code managed}. */
    Map<String, Object> forNode(Node node, String templateName) {
        Map<String, Object> m = new LinkedHashMap<>(shared);
        m.put("node", Map.of(
                "name", node.name(),
                "ip", node.ip(),
                "role", node.role().yamlName(),
                "etcdMember", lab.etcdNodes().contains(node)));
        m.put("managed", managedLine(templateName));
        return m;
    }

    /**
     * A node's model for a file whose marker is not the template's name: the Kubernetes files (their
     * marker names {@code kubernetes}) and the CNI conflist (it names the lease file); {@code values} are
     * the file's own variables ({@code pem}, {@code kubeconfig}, {@code lease}).
     */
    Map<String, Object> forNode(Node node, String templateName, String managed, Map<String, Object> values) {
        Map<String, Object> m = forNode(node, templateName);
        m.put("managed", managed);
        m.putAll(values);
        return m;
    }

    /** A file for this machine rather than a node (the admin kubeconfig): the lab-wide model, {@code header} as the marker, and {@code values}. */
    Map<String, Object> forHost(String header, Map<String, Object> values) {
        Map<String, Object> m = new LinkedHashMap<>(shared);
        m.put("managed", header);
        m.putAll(values);
        return m;
    }

    /** The model for lab-wide files (the flannel network config), which have no node. */
    Map<String, Object> forLab(String templateName) {
        Map<String, Object> m = new LinkedHashMap<>(shared);
        m.put("managed", managedLine(templateName));
        return m;
    }

    /** The first-line marker; the engine recognises its own files by {@link NodeLayout#MARKER}, a lab's by {@link NodeLayout#labMarker}. */
    private String managedLine(String templateName) {
        return NodeLayout.labMarker(lab.name()) + " template " + templateName + "): edits are overwritten by olab up";
    }

    private Map<String, Object> profileModel() {
        return Map.of(
                "name", profile.name(),
                "natNic", profile.natNic(),
                "hostOnlyNic", profile.hostOnlyNic(),
                "networkTool", profile.networkTool());
    }

    private Map<String, Object> networkModel() {
        Cidr cidr = Cidr.parse(lab.network().cidr());
        return Map.of(
                "cidr", lab.network().cidr(),
                "prefixLength", cidr.prefix(),
                "netmask", Cidr.formatAddress(cidr.mask()),
                "hostIp", lab.network().hostIp());
    }

    private Map<String, Object> etcdModel() {
        var etcd = lab.etcd();
        List<Map<String, Object>> members = new ArrayList<>();
        List<String> initialCluster = new ArrayList<>();
        for (Node n : lab.etcdNodes()) {
            String peerUrl = "http://" + n.ip() + ":" + etcd.peerPort();
            members.add(Map.of("name", n.name(), "ip", n.ip(),
                    "clientUrl", "http://" + n.ip() + ":" + etcd.clientPort(), "peerUrl", peerUrl));
            initialCluster.add(n.name() + "=" + peerUrl);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", etcdUnit());
        m.put("clientPort", etcd.clientPort());
        m.put("peerPort", etcd.peerPort());
        m.put("prefix", etcd.prefix());
        m.put("configKey", etcd.configKey());
        m.put("endpoints", String.join(",", lab.etcdEndpoints()));
        m.put("members", List.copyOf(members));
        m.put("initialCluster", String.join(",", initialCluster));
        m.put("singleMember", members.size() == 1);
        m.put("clusterToken", "olab-" + lab.name());
        m.put("dataDir", ETCD_DATA_DIR);
        m.put("enableV2", etcdNeedsV2Flag());
        return m;
    }

    private Map<String, Object> flannelModel() {
        FlannelSettings f = lab.flannel();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", f.version());
        m.put("unit", "flanneld");
        m.put("binary", FLANNELD_BINARY);
        m.put("network", f.network());
        m.put("subnetLen", f.subnetLen());
        m.put("subnetMin", f.subnetMin().orElse(""));
        m.put("subnetMax", f.subnetMax().orElse(""));
        m.put("iface", f.iface().orElse(profile.hostOnlyNic()));
        m.put("ipMasq", f.ipMasq());
        // flanneld ≥ 0.11 has --iptables-forward-rules (0.9.1–0.10 always wrote them, older never did).
        m.put("forwardRulesFlag", atLeast(f.version(), 0, 11));
        m.put("subnetEnv", SUBNET_ENV);
        m.put("backend", Map.of("type", f.backend().type(), "options", BackendOptions.ordered(f.backend())));
        return m;
    }

    private Map<String, Object> dockerModel() {
        return Map.of(
                "unit", "docker",
                "daemon", profile.dockerd(),
                "daemonArgs", profile.dockerdArgs(),
                // empty: docker takes FLANNEL_MTU from subnet.env (the seeds' way)
                "mtu", lab.docker().mtu().isPresent() ? String.valueOf(lab.docker().mtu().getAsInt()) : "");
    }

    String etcdUnit() {
        return profile.etcdUnitName().orElse("etcd");
    }

    /**
     * flannel ≤ 0.17 reads its config through the v2 keys API, which etcd 3.4+ serves only with
     * --enable-v2. Older etcd serves v2 anyway; etcd 2.x logs that it does not know the variable
     * and carries on, so the file stays right when the profile's etcd is upgraded.
     */
    private boolean etcdNeedsV2Flag() {
        return lab.etcdApi() == EtcdApi.V2;
    }

    /** True when {@code version} (e.g. {@code 0.28.9}, {@code v3.4}) is at least major.minor; unparsable counts as new. */
    static boolean atLeast(String version, int major, int minor) {
        String[] p = version.strip().replaceFirst("^v", "").split("[.-]");
        try {
            int ma = Integer.parseInt(p[0]);
            int mi = p.length > 1 ? Integer.parseInt(p[1]) : 0;
            return ma != major ? ma > major : mi >= minor;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
