package dev.overlaylab.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a {@link Lab} before anything is created and returns every problem with its field path
 * (an empty list means valid). Works on labs from a file ({@link LabLoader} adds line and column)
 * and on labs built in memory (the wizard). Flannel's rules live in {@link FlannelRules}.
 */
public final class Validator {

    public static final List<String> PROVIDERS = List.of("virtualbox", "virtualbox-ws", "local", "hosts");
    /** The NAT network VirtualBox gives every VM (the local provider imitates it). */
    public static final Cidr VBOX_NAT = Cidr.parse("10.0.2.0/24");
    /** docker's default bridge network, which docker0 holds until flannel hands it a subnet. */
    public static final Cidr DOCKER_DEFAULT = Cidr.parse("172.17.0.0/16");

    private static final String HOST_NAME = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";

    private final Path vboxNetworksConf;

    /** Reads VirtualBox's allowed host-only ranges from /etc/vbox/networks.conf when it exists. */
    public Validator() {
        this(Path.of("/etc/vbox/networks.conf"));
    }

    Validator(Path vboxNetworksConf) {
        this.vboxNetworksConf = vboxNetworksConf;
    }

    /** Every problem of {@code lab}, with the default environment. */
    public static List<Problem> check(Lab lab) {
        return new Validator().validate(lab);
    }

    public List<Problem> validate(Lab lab) {
        List<Problem> out = new ArrayList<>();
        checkName(lab, out);
        checkProvider(lab, out);
        checkProfile(lab, out);
        Optional<Cidr> hostNet = checkNetwork(lab, out);
        checkNodes(lab, hostNet, out);
        checkEtcd(lab, out);
        new FlannelRules(lab, hostNet, out).check();
        checkDocker(lab, out);
        checkVerify(lab, out);
        new KubernetesRules(lab, hostNet, out).check();
        TemplateFolderRules.check(lab, out);
        return out;
    }

    private static void checkName(Lab lab, List<Problem> out) {
        if (!lab.name().matches(HOST_NAME)) {
            out.add(Problem.at("name", "'" + lab.name() + "' cannot prefix VM, machine and bridge names; use lowercase"
                    + " letters, digits and '-' (at most 63, not starting or ending with '-'), e.g. seeds-lab"));
        }
    }

    private static void checkProvider(Lab lab, List<Problem> out) {
        if ("virtualbox-soap".equals(lab.provider())) {
            // the design's early name for it; no release ever accepted it
            out.add(Problem.at("provider", "'virtualbox-soap' is called 'virtualbox-ws' (VirtualBox on another machine"
                    + " through its web service); write provider: virtualbox-ws and a server: section"));
            return;
        }
        WebServerRules.check(lab, out);
        if (!PROVIDERS.contains(lab.provider())) {
            out.add(Problem.at("provider", "unknown provider '" + lab.provider() + "'"
                    + Suggest.didYouMean(lab.provider(), PROVIDERS) + " (known: " + String.join(", ", PROVIDERS) + ")"));
        }
    }

    private static void checkProfile(Lab lab, List<Problem> out) {
        Optional<Profile> profile;
        try {
            profile = Profiles.find(lab.profile());
        } catch (RuntimeException e) {
            out.add(Problem.at("profile", e.getMessage()));
            return;
        }
        if (profile.isEmpty()) {
            List<String> known = Profiles.names();
            out.add(Problem.at("profile", "unknown profile '" + lab.profile() + "'" + Suggest.didYouMean(lab.profile(), known)
                    + " (known profiles: " + String.join(", ", known) + ")"));
            return;
        }
        boolean nspawn = lab.profile().endsWith("-nspawn");
        if ("local".equals(lab.provider()) && !nspawn) {
            out.add(Problem.at("profile", lab.profile() + " is a VM profile; the local provider runs nodes as"
                    + " systemd-nspawn containers and needs an nspawn profile such as debian-12-nspawn"));
        } else if (nspawn && PROVIDERS.contains(lab.provider()) && !"local".equals(lab.provider())) {
            out.add(Problem.at("profile", lab.profile() + " is for the local provider only (systemd-nspawn NIC names);"
                    + " pick a VM profile such as ubuntu-22.04 or debian-12"));
        }
    }

    private Optional<Cidr> checkNetwork(Lab lab, List<Problem> out) {
        String text = lab.network().cidr();
        Cidr net;
        try {
            net = Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            out.add(Problem.at("network.cidr", e.getMessage()));
            return Optional.empty();
        }
        if (!net.isNetworkAddress()) {
            out.add(Problem.at("network.cidr", text + " has host bits set; did you mean " + net.normalized() + "?"));
            net = net.normalized();
        }
        if (net.prefix() > 29) {
            out.add(Problem.at("network.cidr", text + " is too small for the host and the nodes; use a /24 such as 192.168.56.0/24"));
        }
        if (lab.provider().startsWith("virtualbox")) {
            // networks.conf is read only for a VirtualBox on this machine; a web-service server's file is out of reach,
            // so there VirtualBox's default range is assumed
            AllowedRanges allowed = "virtualbox".equals(lab.provider()) && vboxNetworksConf != null
                    ? readable(vboxNetworksConf) : AllowedRanges.defaults();
            if (!allowed.allows(net.normalized().toString())) {
                out.add(Problem.at("network.cidr", net.normalized() + " is outside the host-only ranges VirtualBox 6.1.28 and"
                        + " later allows on Linux and macOS, " + allowed.describe() + ", so it would refuse the host's"
                        + " address (E_ACCESSDENIED); " + allowed.fixFor(net.normalized().toString())));
            }
        }
        String hostIp = lab.network().hostIp();
        Optional<Integer> host = Cidr.tryParseAddress(hostIp);
        if (host.isEmpty()) {
            out.add(Problem.at("network.hostIp", "'" + hostIp + "' is not an IPv4 address (four numbers 0..255 joined by dots)"));
        } else if (!net.contains(host.get())) {
            out.add(Problem.at("network.hostIp", hostIp + " is outside the host-only network " + net));
        } else if (host.get() == net.network() || host.get() == net.broadcast()) {
            out.add(Problem.at("network.hostIp", hostIp + " is the " + (host.get() == net.network() ? "network" : "broadcast")
                    + " address of " + net + "; the host usually takes " + Cidr.formatAddress(net.nthAddress(1))));
        }
        return Optional.of(net);
    }

    /** networks.conf as VirtualBox reads it; one this user may not read is judged by VirtualBox itself later. */
    private static AllowedRanges readable(Path conf) {
        try {
            return AllowedRanges.read(conf);
        } catch (java.io.UncheckedIOException e) {
            return AllowedRanges.defaults();
        }
    }

    private static void checkNodes(Lab lab, Optional<Cidr> hostNet, List<Problem> out) {
        if (lab.nodes().isEmpty()) {
            out.add(Problem.at("nodes", "a lab needs at least one node (two to see the overlay work)"));
            return;
        }
        if (hostNet.isPresent() && hostNet.get().prefix() <= 29 && lab.nodes().size() > hostNet.get().size() - 3) {
            out.add(Problem.at("nodes", lab.nodes().size() + " nodes do not fit in " + hostNet.get()
                    + " next to the host; use a larger network.cidr"));
        }
        Map<String, Integer> names = new HashMap<>();
        Map<Integer, Integer> ips = new HashMap<>();
        Optional<Integer> hostIp = Cidr.tryParseAddress(lab.network().hostIp());
        for (int i = 0; i < lab.nodes().size(); i++) {
            Node n = lab.nodes().get(i);
            String at = "nodes[" + i + "]";
            if (!n.name().matches(HOST_NAME)) {
                out.add(Problem.at(at + ".name", "'" + n.name() + "' is not a valid host name; use lowercase letters,"
                        + " digits and '-' (at most 63, not starting or ending with '-'), e.g. node1"));
            }
            Integer first = names.putIfAbsent(n.name(), i);
            if (first != null) {
                out.add(Problem.at(at + ".name", "'" + n.name() + "' is already the name of nodes[" + first + "]; node names must be unique"));
            }
            checkNodeIp(lab, n, at, hostNet, hostIp, ips, i, out);
            if (i == 0 && n.role() != Node.Role.MASTER) {
                out.add(Problem.at(at + ".role", "the first node is the master (it runs etcd); leave role out or set master"));
            } else if (i > 0 && n.role() == Node.Role.MASTER) {
                out.add(Problem.at(at + ".role", "only the first node is the master; list the master first"
                        + " (more etcd members: etcd.members)"));
            }
            if ("hosts".equals(lab.provider())) {
                SshEndpoint ssh = n.ssh();
                if (ssh.port() < 1 || ssh.port() > 65535) {
                    out.add(Problem.at(at + ".ssh.port", ssh.port() + " is not a TCP port (1..65535)"));
                }
                if (ssh.host().isBlank()) {
                    out.add(Problem.at(at + ".ssh.host", "missing; the address or name to SSH to"));
                }
                if (ssh.user().isBlank()) {
                    out.add(Problem.at(at + ".ssh.user", "missing; the login user"));
                }
            }
        }
    }

    private static void checkNodeIp(Lab lab, Node n, String at, Optional<Cidr> hostNet, Optional<Integer> hostIp,
            Map<Integer, Integer> ips, int index, List<Problem> out) {
        if (n.ip().isBlank()) {
            out.add(Problem.at(at + ".ip", "missing; the node's static address on the host-only network"));
            return;
        }
        Optional<Integer> ip = Cidr.tryParseAddress(n.ip());
        if (ip.isEmpty()) {
            out.add(Problem.at(at + ".ip", "'" + n.ip() + "' is not an IPv4 address (four numbers 0..255 joined by dots)"));
            return;
        }
        Integer first = ips.putIfAbsent(ip.get(), index);
        if (first != null) {
            out.add(Problem.at(at + ".ip", n.ip() + " is already the address of nodes[" + first + "]; node addresses must be unique"));
        }
        if (hostNet.isEmpty()) {
            return;
        }
        Cidr net = hostNet.get();
        if (!net.contains(ip.get())) {
            // Existing hosts may sit on several routed subnets (vxlan copes); a host-only network cannot.
            if (!"hosts".equals(lab.provider())) {
                out.add(Problem.at(at + ".ip", n.ip() + " is outside the host-only network " + net
                        + "; pick an address such as " + Cidr.formatAddress(net.nthAddress(Math.min(101 + index, net.size() - 2)))));
            }
        } else if (ip.get() == net.network()) {
            out.add(Problem.at(at + ".ip", n.ip() + " is the network address of " + net + ", not a usable host address"));
        } else if (ip.get() == net.broadcast()) {
            out.add(Problem.at(at + ".ip", n.ip() + " is the broadcast address of " + net + ", not a usable host address"));
        } else if (hostIp.isPresent() && hostIp.get().equals(ip.get())) {
            out.add(Problem.at(at + ".ip", n.ip() + " is the host's own address on the host-only network (network.hostIp);"
                    + " give the node another, e.g. " + Cidr.formatAddress(net.nthAddress(Math.min(101 + index, net.size() - 2)))));
        }
    }

    private static void checkEtcd(Lab lab, List<Problem> out) {
        EtcdSettings e = lab.etcd();
        int nodes = lab.nodes().size();
        if (e.members() < 1) {
            out.add(Problem.at("etcd.members", "must be at least 1"));
        } else if (e.members() % 2 == 0) {
            int quorum = e.members() / 2 + 1;
            int survives = e.members() - quorum;
            out.add(Problem.at("etcd.members", e.members() + " members need " + quorum + " for a quorum, so they survive "
                    + (survives == 0 ? "no failure" : survives == 1 ? "1 failure" : survives + " failures") + ", no more than "
                    + (e.members() - 1) + " would, with one more machine that can fail; use an odd count: 1 or 3"));
        } else if (e.members() > nodes && nodes > 0) {
            out.add(Problem.at("etcd.members", e.members() + " members need " + e.members() + " nodes but the lab has "
                    + nodes + "; etcd runs on the first nodes"));
        }
        checkPort("etcd.clientPort", e.clientPort(), out);
        checkPort("etcd.peerPort", e.peerPort(), out);
        if (e.clientPort() == e.peerPort()) {
            out.add(Problem.at("etcd.peerPort", "must differ from etcd.clientPort (" + e.clientPort() + ")"));
        }
        if (!e.prefix().matches("(/[A-Za-z0-9._-]+)+")) {
            out.add(Problem.at("etcd.prefix", "'" + e.prefix() + "' is not a key prefix like /coreos.com/network"
                    + " (starts with '/', no trailing '/', no spaces)"));
        }
    }

    private static void checkPort(String path, int port, List<Problem> out) {
        if (port < 1 || port > 65535) {
            out.add(Problem.at(path, port + " is not a TCP port (1..65535)"));
        }
    }

    private static void checkDocker(Lab lab, List<Problem> out) {
        if (lab.docker().mtu().isEmpty()) {
            return;
        }
        int mtu = lab.docker().mtu().getAsInt();
        if (mtu < 576 || mtu > 65535) {
            out.add(Problem.at("docker.mtu", mtu + " is not a usable MTU (576..65535); leave it as flannel"));
            return;
        }
        String type = lab.flannel().backend().type();
        if (FlannelRules.BACKEND_OPTIONS.containsKey(type) && mtu > lab.flannel().overlayMtu()) {
            out.add(Problem.at("docker.mtu", mtu + " is larger than the overlay MTU " + lab.flannel().overlayMtu()
                    + " of the " + type + " backend: small pings would pass while large transfers hang; leave mtu as"
                    + " flannel (docker takes FLANNEL_MTU from subnet.env) or use at most " + lab.flannel().overlayMtu()));
        }
    }

    private static void checkVerify(Lab lab, List<Problem> out) {
        if (!lab.verify().image().matches("[a-z0-9][a-z0-9._/-]*(:[A-Za-z0-9._-]+)?")) {
            out.add(Problem.at("verify.image", "'" + lab.verify().image() + "' is not a docker image name such as olab/busybox"));
        }
    }
}
