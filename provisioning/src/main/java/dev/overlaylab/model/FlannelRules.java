package dev.overlaylab.model;

import dev.overlaylab.model.EtcdSettings.EtcdApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The flannel part of {@link Validator}: overlay range, subnet leases, backend and its options, binary. */
final class FlannelRules {

    /** Backends this lab supports, each with the options flannel takes for it (flannel's own, case-sensitive names). */
    static final Map<String, List<String>> BACKEND_OPTIONS = orderedBackends();
    /** Free ranges offered when the flannel Network collides with something. */
    private static final List<String> CANDIDATE_NETWORKS = List.of("10.244.0.0/16", "10.1.0.0/16", "10.32.0.0/16", "172.30.0.0/16");

    private final Lab lab;
    private final FlannelSettings f;
    private final Optional<Cidr> hostNet;
    private final List<Problem> out;

    FlannelRules(Lab lab, Optional<Cidr> hostNet, List<Problem> out) {
        this.lab = lab;
        this.f = lab.flannel();
        this.hostNet = hostNet;
        this.out = out;
    }

    private static Map<String, List<String>> orderedBackends() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("udp", List.of("Port"));
        m.put("vxlan", List.of("VNI", "Port", "GBP", "DirectRouting", "MTU"));
        m.put("host-gw", List.of());
        return m;
    }

    void check() {
        checkVersion();
        Optional<Cidr> network = checkNetwork();
        network.ifPresent(this::checkSubnets);
        checkBackend();
        checkIface();
        checkBinary();
    }

    private void checkVersion() {
        if (!f.version().matches("\\d+\\.\\d+\\.\\d+")) {
            out.add(Problem.at("flannel.version", "'" + f.version() + "' is not a flannel release number such as 0.28.9 or 0.7.1"));
            return;
        }
        EtcdApi api = lab.etcd().api();
        if (api == EtcdApi.V3 && f.usesEtcdV2()) {
            out.add(Problem.at("etcd.api", "flannel " + f.version() + " reads its config through etcd's v2 keys API,"
                    + " so a config written with v3 is never seen (\"Key not found\"); set api: v2 or auto"));
        } else if (api == EtcdApi.V2 && !f.usesEtcdV2()) {
            out.add(Problem.at("etcd.api", "flannel " + f.version() + " (0.18 and later) reads its config through etcd's v3 API,"
                    + " so a config written with v2 is never seen (\"flannel config not found in etcd store\"); set api: v3 or auto"));
        }
    }

    private Optional<Cidr> checkNetwork() {
        Cidr net;
        try {
            net = Cidr.parse(f.network());
        } catch (IllegalArgumentException e) {
            out.add(Problem.at("flannel.network", e.getMessage()));
            return Optional.empty();
        }
        if (!net.isNetworkAddress()) {
            out.add(Problem.at("flannel.network", f.network() + " has host bits set; did you mean " + net.normalized() + "?"));
            net = net.normalized();
        }
        for (Taken t : taken()) {
            if (net.overlaps(t.range())) {
                out.add(Problem.at("flannel.network", net + " overlaps " + t.what() + "; pick a free range such as " + freeRange()));
            }
        }
        return Optional.of(net);
    }

    /** Ranges the overlay must not touch, with words for people. */
    private List<Taken> taken() {
        List<Taken> t = new ArrayList<>();
        hostNet.ifPresent(h -> t.add(new Taken(h, "the host-only network " + h)));
        if (lab.provider().startsWith("virtualbox")) {
            t.add(new Taken(Validator.VBOX_NAT, "the NAT network " + Validator.VBOX_NAT + " of every VirtualBox VM"));
        } else if ("local".equals(lab.provider())) {
            t.add(new Taken(Validator.VBOX_NAT, "the NAT network " + Validator.VBOX_NAT + " every local node gets (as VirtualBox VMs do)"));
        }
        t.add(new Taken(Validator.DOCKER_DEFAULT, "docker's default bridge network " + Validator.DOCKER_DEFAULT));
        if ("hosts".equals(lab.provider())) {
            for (Node n : lab.nodes()) {
                Cidr.tryParseAddress(n.ip()).filter(ip -> hostNet.map(h -> !h.contains(ip)).orElse(true))
                        .ifPresent(ip -> t.add(new Taken(new Cidr(ip, 32), "the address " + n.ip() + " of node " + n.name())));
            }
        }
        return t;
    }

    private String freeRange() {
        List<Taken> t = taken();
        return CANDIDATE_NETWORKS.stream().filter(c -> t.stream().noneMatch(x -> Cidr.parse(c).overlaps(x.range())))
                .findFirst().orElse("10.244.0.0/16");
    }

    private void checkSubnets(Cidr net) {
        int len = f.subnetLen();
        if (len <= net.prefix()) {
            out.add(Problem.at("flannel.subnetLen", len + " must be longer than the Network's prefix /" + net.prefix()
                    + " so each node gets a part of it; e.g. " + Math.min(28, Math.max(24, net.prefix() + 8))));
            return;
        }
        if (len > 28) {
            out.add(Problem.at("flannel.subnetLen", len + " is longer than 28: each node would get fewer than 14 pod"
                    + " addresses; use 24 as the seeds do"));
            return;
        }
        long size = 1L << (32 - len);
        Optional<Long> min = subnetBound("flannel.subnetMin", f.subnetMin(), net, len);
        Optional<Long> max = subnetBound("flannel.subnetMax", f.subnetMax(), net, len);
        // flannel's defaults: the second subnet of the Network up to the last one.
        long lo = min.orElse(Cidr.toLong(net.network()) + size);
        long hi = max.orElse(Cidr.toLong(net.broadcast()) + 1 - size);
        if (lo > hi) {
            out.add(Problem.at(f.subnetMin().isPresent() ? "flannel.subnetMin" : "flannel.subnetMax",
                    Cidr.formatAddress((int) lo) + " comes after " + Cidr.formatAddress((int) hi) + "; subnetMin must not exceed subnetMax"));
            return;
        }
        long count = (hi - lo) / size + 1;
        if (count < lab.nodes().size()) {
            String path = f.subnetMin().isPresent() || f.subnetMax().isPresent() ? "flannel.subnetMax" : "flannel.subnetLen";
            out.add(Problem.at(path, net + " split into /" + len + " subnets leaves " + count + " for flannel to lease"
                    + " but the lab has " + lab.nodes().size() + " nodes; use a shorter subnetLen, a larger network"
                    + " or a wider subnetMin..subnetMax"));
        }
    }

    /** A subnetMin/Max address as an unsigned value, when it is valid. */
    private Optional<Long> subnetBound(String path, Optional<String> text, Cidr net, int len) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> ip = Cidr.tryParseAddress(text.get());
        if (ip.isEmpty()) {
            out.add(Problem.at(path, "'" + text.get() + "' is not an IPv4 address; flannel wants the first address of a"
                    + " subnet such as " + Cidr.formatAddress(net.nthSubnet(len, 1).network())));
            return Optional.empty();
        }
        if (!net.contains(ip.get())) {
            out.add(Problem.at(path, text.get() + " is outside the flannel Network " + net));
            return Optional.empty();
        }
        Cidr subnet = new Cidr(ip.get(), len);
        if (!subnet.isNetworkAddress()) {
            out.add(Problem.at(path, text.get() + " is not the start of a /" + len + " subnet; did you mean "
                    + Cidr.formatAddress(subnet.network()) + "?"));
        }
        return Optional.of(Cidr.toLong(subnet.network()));
    }

    private void checkBackend() {
        String type = f.backend().type();
        List<String> options = BACKEND_OPTIONS.get(type);
        if (options == null) {
            out.add(Problem.at("flannel.backend.type", "unknown backend '" + type + "'"
                    + Suggest.didYouMean(type, BACKEND_OPTIONS.keySet()) + "; this lab supports udp, vxlan and host-gw"));
            return;
        }
        for (Map.Entry<String, Object> o : f.backend().options().entrySet()) {
            String path = "flannel.backend." + o.getKey();
            if (!options.contains(o.getKey())) {
                Optional<String> close = Suggest.closest(o.getKey(), options);
                out.add(Problem.at(path, "unknown field" + close.map(c -> "; did you mean " + c + "? (flannel's option names are case-sensitive)")
                        .orElse(options.isEmpty() ? "; the host-gw backend takes no options"
                                : "; the " + type + " backend takes " + String.join(", ", options))));
                continue;
            }
            checkOption(path, o.getKey(), o.getValue());
        }
        if ("host-gw".equals(type)) {
            checkHostGwNodes();
        }
    }

    private void checkOption(String path, String name, Object value) {
        switch (name) {
            case "GBP", "DirectRouting" -> {
                if (!(value instanceof Boolean)) {
                    out.add(Problem.at(path, "'" + value + "' must be true or false"));
                }
            }
            case "VNI" -> checkRange(path, value, 0, 16_777_215);
            case "Port" -> checkRange(path, value, 1, 65535);
            case "MTU" -> checkRange(path, value, 576, 65535);
            default -> throw new IllegalStateException("no rule for backend option " + name);
        }
    }

    private void checkRange(String path, Object value, int lo, int hi) {
        if (!(value instanceof Integer i) || i < lo || i > hi) {
            out.add(Problem.at(path, "'" + value + "' must be a whole number from " + lo + " to " + hi));
        }
    }

    /** host-gw routes pods via each node's address as gateway, which works only inside one layer-2 subnet. */
    private void checkHostGwNodes() {
        if (hostNet.isEmpty()) {
            return;
        }
        for (int i = 0; i < lab.nodes().size(); i++) {
            Node n = lab.nodes().get(i);
            Optional<Integer> ip = Cidr.tryParseAddress(n.ip());
            if (ip.isPresent() && !hostNet.get().contains(ip.get())) {
                out.add(Problem.at("flannel.backend.type", "host-gw needs every node on one subnet, but nodes[" + i + "] ("
                        + n.ip() + ") is outside " + hostNet.get() + ", so its gateway route cannot work; use type: vxlan"
                        + " with DirectRouting: true, which routes directly between nodes on one subnet and encapsulates"
                        + " the rest (seed 001)"));
                return;
            }
        }
    }

    private void checkIface() {
        f.iface().ifPresent(iface -> {
            if (!iface.matches("[A-Za-z0-9_.:@-]{1,15}") && Cidr.tryParseAddress(iface).isEmpty()) {
                out.add(Problem.at("flannel.iface", "'" + iface + "' is neither an interface name (at most 15 characters,"
                        + " e.g. enp0s8) nor an IPv4 address"));
            }
        });
    }

    private void checkBinary() {
        FlannelSettings.BinarySource b = f.binary();
        if (b.url().isPresent() && b.file().isPresent()) {
            out.add(Problem.at("flannel.binary", "give either url (download) or file (offline copy), not both"));
        }
        if (b.url().isEmpty() && b.file().isEmpty()) {
            out.add(Problem.at("flannel.binary", "give url (download) or file (offline copy)"));
        }
        b.url().filter(u -> !u.matches("https?://\\S+")).ifPresent(u ->
                out.add(Problem.at("flannel.binary.url", "'" + u + "' is not an http(s) URL")));
        b.sha256().filter(s -> !s.matches("[0-9a-fA-F]{64}")).ifPresent(s ->
                out.add(Problem.at("flannel.binary.sha256", "'" + s + "' is not a sha256 (64 hexadecimal digits)")));
        b.file().filter(p -> !p.startsWith("/")).ifPresent(p ->
                out.add(Problem.at("flannel.binary.file", "'" + p + "' must be an absolute path (relative paths need a lab file to resolve against)")));
    }

    private record Taken(Cidr range, String what) {
    }
}
