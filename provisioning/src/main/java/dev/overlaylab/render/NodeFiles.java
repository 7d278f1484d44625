package dev.overlaylab.render;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profile;
import dev.overlaylab.render.kube.KubeFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which files a node gets, from which template, with which mode and which units read them — the one
 * list of everything that is rendered, in the order the stages apply it (base, etcd, flannel, docker).
 */
final class NodeFiles {
    static final int MODE_PUBLIC = 0644;
    static final int MODE_PRIVATE = 0600;

    /** The template for the flannel network config (the etcd value), which belongs to the lab, not a node. */
    static final String NETWORK_CONFIG_TEMPLATE = "flannel/network-config.json.ftl";

    /** Every template a lab without Kubernetes may use. */
    static final List<String> ALL_TEMPLATES = List.of(
            "network/ifupdown.ftl", "network/netplan.yaml.ftl", "network/networkd.network.ftl",
            "network/olab-forward-accept.service.ftl", "etcd/etcd.default.ftl", "flannel/flanneld.service.ftl",
            "docker/10-flannel.conf.ftl", NETWORK_CONFIG_TEMPLATE);

    /** Every template a lab may use, Kubernetes' too, for {@link Renderer#warmUp()}. */
    static List<String> allTemplates() {
        List<String> all = new ArrayList<>(ALL_TEMPLATES);
        all.addAll(KubeFiles.TEMPLATES);
        return all;
    }

    /** One file to render. */
    record Spec(String template, String path, int mode, String component, List<String> restarts,
                Optional<String> applyCommand) {
    }

    private NodeFiles() {
    }

    static List<Spec> of(Lab lab, Profile profile, Node node, String etcdUnit) throws RenderException {
        List<Spec> specs = new ArrayList<>();
        specs.add(hostOnlyAddress(profile, node));
        // FORWARD ACCEPT for the flannel Network (seed 001): docker ≥ 1.13 sets the FORWARD policy to DROP.
        specs.add(new Spec("network/olab-forward-accept.service.ftl", "/etc/systemd/system/olab-forward-accept.service",
                MODE_PUBLIC, "network", List.of("olab-forward-accept"), Optional.empty()));
        if (lab.etcdNodes().contains(node)) {
            specs.add(new Spec("etcd/etcd.default.ftl", "/etc/default/etcd",
                    MODE_PUBLIC, "etcd", List.of(etcdUnit), Optional.empty()));
        }
        specs.add(new Spec("flannel/flanneld.service.ftl", "/etc/systemd/system/flanneld.service",
                MODE_PUBLIC, "flannel", List.of("flanneld"), Optional.empty()));
        specs.add(new Spec("docker/10-flannel.conf.ftl", "/etc/systemd/system/docker.service.d/10-flannel.conf",
                MODE_PUBLIC, "docker", List.of("docker"), Optional.empty()));
        return specs;
    }

    /** The static host-only address, in the profile's network tool. */
    static Spec hostOnlyAddress(Profile profile, Node node) throws RenderException {
        String nic = profile.hostOnlyNic();
        return switch (profile.networkTool()) {
            case "ifupdown" -> new Spec("network/ifupdown.ftl", "/etc/network/interfaces.d/olab-" + nic,
                    MODE_PUBLIC, "network", List.of(),
                    // ifup alone keeps an old address ("already configured"); ifdown first applies a change.
                    Optional.of("ifdown --force " + nic + " 2>/dev/null; ifup " + nic));
            // netplan (0.106+) warns that files others can read are "too open".
            case "netplan" -> new Spec("network/netplan.yaml.ftl", "/etc/netplan/60-olab-hostonly.yaml",
                    MODE_PRIVATE, "network", List.of(), Optional.of("netplan apply"));
            case "networkd", "systemd-networkd" -> new Spec("network/networkd.network.ftl",
                    "/etc/systemd/network/10-olab-" + nic + ".network",
                    MODE_PUBLIC, "network", List.of("systemd-networkd"), Optional.empty());
            default -> throw new RenderException("profile " + profile.name() + ": network tool '" + profile.networkTool()
                    + "' is not one of ifupdown, netplan, networkd (node " + node.name() + "); fix networkTool in the profile");
        };
    }
}
