package dev.overlaylab.model;

import java.util.Optional;

/**
 * Kubernetes on top of the overlay (the lab file's optional {@code kubernetes:} section): the control
 * plane on the master, kubelet and kube-proxy on every node, pods on docker0 in each node's flannel subnet.
 *
 * @param version           Kubernetes release, with its {@code v}, e.g. {@code v1.37.2}; at most 1.37 because
 *                          the nodes run containerd 1.6 (1.38 drops the fallback for its missing RuntimeConfig call)
 * @param serviceCidr       the ClusterIP range kube-proxy programs; must not overlap the flannel Network, the
 *                          host-only network or the NAT network
 * @param masterSchedulable whether the master also runs pods, as in the seeds (true) or is tainted NoSchedule
 * @param clusterDomain     the DNS domain kubelet gives pods ({@code cluster.local}); no DNS add-on is deployed
 * @param binaries          where VirtualBox and existing hosts download the binaries from
 */
public record KubernetesSettings(
        String version,
        String serviceCidr,
        boolean masterSchedulable,
        String clusterDomain,
        Binaries binaries) {

    public static final String DEFAULT_VERSION = "v1.37.2";
    public static final String DEFAULT_SERVICE_CIDR = "10.96.0.0/12";
    public static final String DEFAULT_CLUSTER_DOMAIN = "cluster.local";
    /** kube-apiserver's keys in the lab's etcd live under this prefix, apart from flannel's. */
    public static final String ETCD_PREFIX = "/registry";
    /** The six binaries a lab runs, as {@code setup/kubernetes/build.sh} names them. */
    public static final java.util.List<String> BINARIES = java.util.List.of(
            "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubelet", "kube-proxy", "kubectl");

    /**
     * Where the binaries are downloaded from on nodes that cannot be handed them from this machine's cache.
     *
     * @param url    a folder URL holding the six binaries and their {@code SHA256SUMS}
     * @param sha256 sha256 of that {@code SHA256SUMS} file, pinning all six binaries; without it each binary is
     *               checked against the {@code SHA256SUMS} served beside it (catches a broken download, not a
     *               tampered server)
     */
    public record Binaries(String url, Optional<String> sha256) {
    }

    /** The folder of the project's release for {@code version} (VirtualBox and existing hosts download from there). */
    public static String releaseUrl(String version) {
        return "https://github.com/overlay-lab/overlay-lab/releases/download/kubernetes-" + version;
    }

    /** Defaults for every field: what {@code kubernetes: {}} means. */
    public static KubernetesSettings defaults() {
        return new KubernetesSettings(DEFAULT_VERSION, DEFAULT_SERVICE_CIDR, true, DEFAULT_CLUSTER_DOMAIN,
                new Binaries(releaseUrl(DEFAULT_VERSION), Optional.empty()));
    }

    /** The ClusterIP of the {@code kubernetes} Service: the first address of the service range (10.96.0.1). */
    public String apiServiceIp() {
        return Cidr.formatAddress(Cidr.parse(serviceCidr).normalized().nthAddress(1));
    }

    /** Minor version, e.g. 37 for v1.37.2; -1 when the version is not a v1.x.y number. */
    public int minor() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("v1\\.(\\d+)\\.\\d+").matcher(version);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }
}
