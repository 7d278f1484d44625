package dev.overlaylab.model;

import java.util.List;
import java.util.Optional;

/** The Kubernetes part of {@link Validator}: version, service range against the lab's other networks, binaries, etcd. */
final class KubernetesRules {
    /** containerd 1.6 (the nodes' docker.io) lacks the RuntimeConfig call kubelet 1.38 requires. */
    static final int NEWEST_MINOR = 37;
    /** kube-apiserver refuses an IPv4 service range with more than 20 host bits. */
    static final int WIDEST_SERVICE_PREFIX = 12;
    /** Candidate service ranges offered when the chosen one collides. */
    private static final List<String> CANDIDATES = List.of("10.96.0.0/12", "10.32.0.0/16", "172.20.0.0/16", "10.200.0.0/16");

    private final Lab lab;
    private final Optional<Cidr> hostNet;
    private final List<Problem> out;

    KubernetesRules(Lab lab, Optional<Cidr> hostNet, List<Problem> out) {
        this.lab = lab;
        this.hostNet = hostNet;
        this.out = out;
    }

    void check() {
        if (lab.kubernetes().isEmpty()) {
            return;
        }
        KubernetesSettings k = lab.kubernetes().get();
        checkVersion(k);
        checkServiceCidr(k);
        checkDomain(k);
        checkBinaries(k);
        checkEtcd();
    }

    private void checkVersion(KubernetesSettings k) {
        if (k.minor() < 0) {
            out.add(Problem.at("kubernetes.version", "'" + k.version() + "' is not a Kubernetes release such as v1.37.2"));
        } else if (k.minor() > NEWEST_MINOR) {
            out.add(Problem.at("kubernetes.version", k.version() + " needs a newer containerd than the nodes' 1.6: kubelet 1."
                    + (NEWEST_MINOR + 1) + " and later drop the fallback for containerd 1.6's missing RuntimeConfig call and the"
                    + " node never becomes Ready; use " + KubernetesSettings.DEFAULT_VERSION));
        } else if (k.minor() < 24) {
            out.add(Problem.at("kubernetes.version", k.version() + " predates the kubelet flags and config Overlay Lab"
                    + " writes (dockershim's removal in 1.24); use 1.24 or later, e.g. " + KubernetesSettings.DEFAULT_VERSION));
        }
    }

    private void checkServiceCidr(KubernetesSettings k) {
        String path = "kubernetes.serviceCidr";
        Optional<Cidr> parsed = Cidr.tryParse(k.serviceCidr());
        if (parsed.isEmpty()) {
            out.add(Problem.at(path, "'" + k.serviceCidr() + "' is not an IPv4 network such as " + KubernetesSettings.DEFAULT_SERVICE_CIDR));
            return;
        }
        Cidr svc = parsed.get();
        if (!svc.isNetworkAddress()) {
            out.add(Problem.at(path, k.serviceCidr() + " has host bits set; did you mean " + svc.normalized() + "?"));
            svc = svc.normalized();
        }
        if (svc.prefix() < WIDEST_SERVICE_PREFIX) {
            out.add(Problem.at(path, svc + " is wider than kube-apiserver accepts (at most /" + WIDEST_SERVICE_PREFIX
                    + ", about a million ClusterIPs); use e.g. " + KubernetesSettings.DEFAULT_SERVICE_CIDR));
        } else if (svc.prefix() > 28) {
            out.add(Problem.at(path, svc + " leaves too few ClusterIPs (the first goes to the kubernetes Service); use a /24 or wider"));
        }
        overlap(svc, Cidr.tryParse(lab.flannel().network()).map(Cidr::normalized), "the flannel Network (flannel.network)",
                "pods get their addresses there, and a ClusterIP inside it would be routed to a node's pods instead of kube-proxy's rules");
        overlap(svc, hostNet.map(Cidr::normalized), "the host-only network (network.cidr)",
                "the nodes talk to each other there, and kube-proxy would capture node addresses");
        if (!"hosts".equals(lab.provider())) {
            overlap(svc, Optional.of(Validator.VBOX_NAT), "the NAT network every node has (VirtualBox's " + Validator.VBOX_NAT + ")",
                    "the nodes' default route and DNS go there");
        }
    }

    private void overlap(Cidr svc, Optional<Cidr> other, String what, String why) {
        if (other.isPresent() && svc.overlaps(other.get())) {
            out.add(Problem.at("kubernetes.serviceCidr", svc + " overlaps " + what + " " + other.get() + ": " + why
                    + "; use a range apart from it" + free(svc).map(c -> ", e.g. " + c).orElse("")));
        }
    }

    /** A candidate service range that collides with none of the lab's networks. */
    private Optional<String> free(Cidr current) {
        for (String c : CANDIDATES) {
            Cidr cand = Cidr.parse(c);
            boolean clash = cand.overlaps(current)
                    || Cidr.tryParse(lab.flannel().network()).filter(f -> f.normalized().overlaps(cand)).isPresent()
                    || hostNet.filter(h -> h.normalized().overlaps(cand)).isPresent()
                    || cand.overlaps(Validator.VBOX_NAT);
            if (!clash) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private void checkDomain(KubernetesSettings k) {
        if (!k.clusterDomain().matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
            out.add(Problem.at("kubernetes.clusterDomain", "'" + k.clusterDomain() + "' is not a DNS domain such as cluster.local"));
        }
    }

    private void checkBinaries(KubernetesSettings k) {
        String url = k.binaries().url();
        if (!url.matches("https?://\\S+")) {
            out.add(Problem.at("kubernetes.binaries.url", "'" + url + "' is not an http(s) URL of a folder holding the six"
                    + " binaries and their SHA256SUMS"));
        }
        k.binaries().sha256().filter(s -> !s.matches("[0-9a-f]{64}")).ifPresent(s -> out.add(Problem.at("kubernetes.binaries.sha256",
                "'" + s + "' is not a sha256 (64 hex digits) of the SHA256SUMS file")));
    }

    /** kube-apiserver speaks etcd's v3 API only: the lab's etcd must be 3.x (flannel may still use v2 beside it). */
    private void checkEtcd() {
        Optional<Profile> profile;
        try {
            profile = Profiles.find(lab.profile());
        } catch (RuntimeException e) {
            return;         // the profile's own problem is reported by the validator
        }
        profile.map(Profile::etcdVersion).filter(v -> !v.startsWith("3.")).ifPresent(v -> out.add(Problem.at("kubernetes",
                "the " + lab.profile() + " profile ships etcd " + v + ", and kube-apiserver needs etcd 3's v3 API; use a"
                        + " profile with etcd 3 (ubuntu-22.04, debian-12 or debian-12-nspawn) or leave kubernetes out")));
        if (lab.etcd().prefix().equals(KubernetesSettings.ETCD_PREFIX) || lab.etcd().prefix().startsWith(KubernetesSettings.ETCD_PREFIX + "/")) {
            out.add(Problem.at("etcd.prefix", lab.etcd().prefix() + " is where kube-apiserver keeps its objects ("
                    + KubernetesSettings.ETCD_PREFIX + "); give flannel its own prefix such as /coreos.com/network"));
        }
    }
}
