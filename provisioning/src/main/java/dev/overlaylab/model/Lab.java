package dev.overlaylab.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One lab, as read from a lab file and validated. Immutable; every part has a documented default
 * (docs/lab-file.md). Built by {@code LabLoader}; nothing else creates labs from user input.
 *
 * @param name     lab name, used as a prefix for VMs, nspawn machines, bridges and the key folder
 * @param provider where nodes come from: {@code virtualbox}, {@code virtualbox-ws}, {@code local}, {@code hosts}
 * @param profile  the guest OS profile name (a file in vm-profiles/)
 * @param kubernetes Kubernetes on top of the overlay, when the lab file has a {@code kubernetes:} section
 * @param source   the file the lab was loaded from, if any (relative paths in the lab resolve against it)
 * @param server   the VirtualBox web service of a {@code virtualbox-ws} lab ({@code server:}); empty for other providers
 * @param templates a folder of templates that replace built-in ones file by file ({@code templates:}), absolute once loaded
 *                 from a file; in the lab so that every render of it ({@code up}, {@code apply}, {@code diagnose --fix},
 *                 the app) uses the same files, not only the one command given a flag
 */
public record Lab(
        String name,
        String provider,
        String profile,
        HostNetwork network,
        List<Node> nodes,
        EtcdSettings etcd,
        FlannelSettings flannel,
        DockerSettings docker,
        VerifySettings verify,
        Optional<KubernetesSettings> kubernetes,
        Optional<Path> source,
        Optional<VBoxWebServer> server,
        Optional<Path> templates) {

    public Lab {
        nodes = List.copyOf(nodes);
    }

    /** A lab with the built-in templates only (every lab before {@code templates:} existed). */
    public Lab(String name, String provider, String profile, HostNetwork network, List<Node> nodes, EtcdSettings etcd,
            FlannelSettings flannel, DockerSettings docker, VerifySettings verify, Optional<KubernetesSettings> kubernetes,
            Optional<Path> source, Optional<VBoxWebServer> server) {
        this(name, provider, profile, network, nodes, etcd, flannel, docker, verify, kubernetes, source, server, Optional.empty());
    }

    /** A lab without Kubernetes and without a web-service server (every lab before those sections existed). */
    public Lab(String name, String provider, String profile, HostNetwork network, List<Node> nodes, EtcdSettings etcd,
            FlannelSettings flannel, DockerSettings docker, VerifySettings verify, Optional<Path> source) {
        this(name, provider, profile, network, nodes, etcd, flannel, docker, verify, Optional.empty(), source, Optional.empty(), Optional.empty());
    }

    /** The nodes that run an etcd member: the first {@code etcd.members()} nodes, master first. */
    public List<Node> etcdNodes() {
        return nodes.subList(0, Math.min(etcd.members(), nodes.size()));
    }

    /** The first node: runs etcd (and is where the network config is written through). */
    public Node master() {
        return nodes.get(0);
    }

    public Optional<Node> node(String nodeName) {
        return nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst();
    }

    /** etcd client endpoints as flanneld sees them, on the host-only addresses. */
    public List<String> etcdEndpoints() {
        return etcdNodes().stream().map(n -> "http://" + n.ip() + ":" + etcd.clientPort()).toList();
    }

    /**
     * The etcd API flannel's config is written through: {@code etcd.api}, or by flannel version when AUTO
     * ({@link FlannelSettings#usesEtcdV2()}). The one place the API is decided: the etcd port, the etcdctl
     * command builder, the renderer's {@code --enable-v2} and the plan all ask here. Never AUTO.
     */
    public EtcdSettings.EtcdApi etcdApi() {
        if (etcd.api() != EtcdSettings.EtcdApi.AUTO) {
            return etcd.api();
        }
        return flannel.usesEtcdV2() ? EtcdSettings.EtcdApi.V2 : EtcdSettings.EtcdApi.V3;
    }

    public Lab withFlannel(FlannelSettings f) {
        return new Lab(name, provider, profile, network, nodes, etcd, f, docker, verify, kubernetes, source, server, templates);
    }

    public Lab withDocker(DockerSettings d) {
        return new Lab(name, provider, profile, network, nodes, etcd, flannel, d, verify, kubernetes, source, server, templates);
    }

    public Lab withKubernetes(Optional<KubernetesSettings> k) {
        return new Lab(name, provider, profile, network, nodes, etcd, flannel, docker, verify, k, source, server, templates);
    }

    public Lab withTemplates(Optional<Path> folder) {
        return new Lab(name, provider, profile, network, nodes, etcd, flannel, docker, verify, kubernetes, source, server, folder);
    }
}
