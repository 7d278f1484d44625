package dev.overlaylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per validation rule: a valid lab with one field changed, the path it must name, words of the message. */
class ValidatorTest {

    /** The seeds' lab on VirtualBox; each case replaces some top-level fields. */
    private static String lab(String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "t");
        fields.put("provider", "virtualbox");
        fields.put("profile", "ubuntu-16.04");
        fields.put("network", "{cidr: 192.168.56.0/24}");
        fields.put("nodes", "[{name: master, ip: 192.168.56.101}, {name: node1, ip: 192.168.56.102}]");
        fields.put("flannel", "{network: 10.1.0.0/16, subnetLen: 24, backend: {type: udp}}");
        for (String o : overrides) {
            int colon = o.indexOf(':');
            fields.put(o.substring(0, colon), o.substring(colon + 1).trim());
        }
        StringBuilder yaml = new StringBuilder();
        fields.forEach((k, v) -> yaml.append(k).append(": ").append(v).append('\n'));
        return yaml.toString();
    }

    private static final String THREE_NODES = "nodes: [{name: master, ip: 192.168.56.101}, {name: node1, ip: 192.168.56.102},"
            + " {name: node2, ip: 192.168.56.103}]";

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("lab name must work as a prefix", "name", "lowercase letters", "name: My Lab"),
                rule("unknown provider", "provider", "did you mean virtualbox?", "provider: virtualbx"),
                rule("unknown profile lists the known ones", "profile", "known profiles: debian-12, debian-12-nspawn",
                        "profile: centos-7"),
                rule("VM profile on the local provider", "profile", "needs an nspawn profile", "provider: local",
                        "network: {cidr: 192.168.56.0/24}"),
                rule("nspawn profile on VirtualBox", "profile", "local provider only", "profile: debian-12-nspawn",
                        "flannel: {version: 0.7.1, network: 10.1.0.0/16, backend: {type: udp}}"),
                rule("CIDR without prefix length", "network.cidr", "add the prefix length", "network: {cidr: 192.168.56.0}"),
                rule("CIDR with a bad address", "network.cidr", "not an IPv4 address", "network: {cidr: 192.168.256.0/24}"),
                rule("CIDR with host bits", "network.cidr", "did you mean 192.168.56.0/24?", "network: {cidr: 192.168.56.1/24}"),
                rule("host-only network outside VirtualBox's default range", "network.cidr",
                        "use a network inside 192.168.56.0/21", "network: {cidr: 10.10.0.0/24}",
                        "nodes: [{name: master, ip: 10.10.0.101}]").and("/etc/vbox/networks.conf"),
                rule("host address outside the network", "network.hostIp", "outside the host-only network",
                        "network: {cidr: 192.168.56.0/24, hostIp: 192.168.57.1}"),
                rule("node IP not an address", "nodes[1].ip", "not an IPv4 address",
                        "nodes: [{name: master, ip: 192.168.56.101}, {name: node1, ip: 192.168.56.300}]"),
                rule("node IP outside the host-only network", "nodes[1].ip", "outside the host-only network 192.168.56.0/24",
                        "nodes: [{name: master, ip: 192.168.56.101}, {name: node1, ip: 192.168.57.102}]"),
                rule("duplicate node IP", "nodes[1].ip", "already the address of nodes[0]",
                        "nodes: [{name: master, ip: 192.168.56.101}, {name: node1, ip: 192.168.56.101}]"),
                rule("node IP is the network address", "nodes[1].ip", "network address",
                        "nodes: [{name: master, ip: 192.168.56.101}, {name: node1, ip: 192.168.56.0}]"),
                rule("node IP is the broadcast address", "nodes[1].ip", "broadcast address",
                        "nodes: [{name: master, ip: 192.168.56.101}, {name: node1, ip: 192.168.56.255}]"),
                rule("node IP is the host's .1", "nodes[1].ip", "host's own address",
                        "nodes: [{name: master, ip: 192.168.56.101}, {name: node1, ip: 192.168.56.1}]"),
                rule("duplicate node name", "nodes[1].name", "already the name of nodes[0]",
                        "nodes: [{name: master, ip: 192.168.56.101}, {name: master, ip: 192.168.56.102}]"),
                rule("invalid host name", "nodes[1].name", "not a valid host name",
                        "nodes: [{name: master, ip: 192.168.56.101}, {name: Node_1, ip: 192.168.56.102}]"),
                rule("a second master", "nodes[1].role", "only the first node is the master",
                        "nodes: [{name: master, ip: 192.168.56.101}, {name: node1, ip: 192.168.56.102, role: master}]"),
                rule("no nodes", "nodes", "at least one node", "nodes: []"),
                rule("flannel Network overlaps the host-only network", "flannel.network",
                        "overlaps the host-only network 192.168.56.0/24", "flannel: {network: 192.168.0.0/16}"),
                rule("flannel Network overlaps VirtualBox NAT", "flannel.network",
                        "10.0.0.0/8 overlaps the NAT network 10.0.2.0/24 of every VirtualBox VM; pick a free range such as 10.244.0.0/16",
                        "flannel: {network: 10.0.0.0/8, subnetLen: 24}"),
                rule("flannel Network overlaps docker's default bridge", "flannel.network",
                        "overlaps docker's default bridge network 172.17.0.0/16", "flannel: {network: 172.16.0.0/12}"),
                rule("flannel Network not a CIDR", "flannel.network", "not a CIDR", "flannel: {network: 10.1.0.0-16}"),
                rule("SubnetLen not longer than the Network prefix", "flannel.subnetLen", "must be longer than the Network's prefix /16",
                        "flannel: {network: 10.1.0.0/16, subnetLen: 16}"),
                rule("SubnetLen longer than /28", "flannel.subnetLen", "longer than 28",
                        "flannel: {network: 10.1.0.0/16, subnetLen: 29}"),
                rule("SubnetMin outside the Network", "flannel.subnetMin", "outside the flannel Network 10.1.0.0/16",
                        "flannel: {network: 10.1.0.0/16, subnetMin: 10.2.0.0}"),
                rule("SubnetMax outside the Network", "flannel.subnetMax", "outside the flannel Network 10.1.0.0/16",
                        "flannel: {network: 10.1.0.0/16, subnetMax: 10.3.0.0}"),
                rule("SubnetMin after SubnetMax", "flannel.subnetMin", "must not exceed subnetMax",
                        "flannel: {network: 10.1.0.0/16, subnetMin: 10.1.20.0, subnetMax: 10.1.10.0}"),
                rule("SubnetMin not on a subnet boundary", "flannel.subnetMin", "did you mean 10.1.10.0?",
                        "flannel: {network: 10.1.0.0/16, subnetMin: 10.1.10.7}"),
                rule("fewer subnets than nodes", "flannel.subnetLen", "leaves 1 for flannel to lease but the lab has 2 nodes",
                        "flannel: {network: 10.1.0.0/24, subnetLen: 25}"),
                rule("fewer subnets than nodes between min and max", "flannel.subnetMax", "leaves 1",
                        "flannel: {network: 10.1.0.0/16, subnetMin: 10.1.5.0, subnetMax: 10.1.5.0}"),
                rule("unknown backend", "flannel.backend.type", "did you mean host-gw?", "flannel: {backend: {type: hostgw}}"),
                rule("backend option of another backend", "flannel.backend.VNI", "the udp backend takes Port",
                        "flannel: {backend: {type: udp, VNI: 1}}"),
                rule("backend option in the wrong case", "flannel.backend.directrouting", "did you mean DirectRouting?",
                        "flannel: {version: 0.7.1, backend: {type: vxlan, directrouting: true}}"),
                rule("host-gw takes no options", "flannel.backend.Port", "host-gw backend takes no options",
                        "flannel: {backend: {type: host-gw, Port: 1}}"),
                rule("backend option of the wrong type", "flannel.backend.DirectRouting", "true or false",
                        "flannel: {backend: {type: vxlan, DirectRouting: yes}}"),
                rule("backend port out of range", "flannel.backend.Port", "from 1 to 65535",
                        "flannel: {backend: {type: vxlan, Port: 70000}}"),
                rule("host-gw between nodes on different subnets", "flannel.backend.type", "DirectRouting: true",
                        "provider: hosts", "nodes: [{name: a, ip: 192.168.56.10}, {name: b, ip: 10.20.0.5}]",
                        "flannel: {version: 0.7.1, network: 10.1.0.0/16, backend: {type: host-gw}}"),
                rule("flannel version not a release number", "flannel.version", "not a flannel release number",
                        "flannel: {version: latest}"),
                rule("iface not an interface name", "flannel.iface", "neither an interface name",
                        "flannel: {iface: this is not a nic}"),
                rule("binary from both url and file", "flannel.binary", "not both",
                        "flannel: {binary: {url: 'https://example.org/flanneld', file: /tmp/flanneld}}"),
                rule("binary sha256 malformed", "flannel.binary.sha256", "64 hexadecimal digits",
                        "flannel: {binary: {url: 'https://example.org/flanneld', sha256: abc}}"),
                rule("etcd with an even member count", "etcd.members", "use an odd count: 1 or 3", "etcd: {members: 2}", THREE_NODES),
                rule("etcd with more members than nodes", "etcd.members", "the lab has 2", "etcd: {members: 3}"),
                rule("etcd with no members", "etcd.members", "at least 1", "etcd: {members: 0}"),
                rule("etcd v3 with flannel 0.17 or older", "etcd.api", "reads its config through etcd's v2", "etcd: {api: v3}",
                        "flannel: {version: 0.7.1}"),
                rule("etcd v2 with flannel 0.18 or newer", "etcd.api", "reads its config through etcd's v3",
                        "etcd: {api: v2}", "flannel: {version: 0.28.9}"),
                rule("etcd ports equal", "etcd.peerPort", "must differ", "etcd: {clientPort: 2379, peerPort: 2379}"),
                rule("etcd port out of range", "etcd.clientPort", "not a TCP port", "etcd: {clientPort: 0}"),
                rule("etcd prefix malformed", "etcd.prefix", "not a key prefix", "etcd: {prefix: coreos.com/network/}"),
                rule("docker MTU above the overlay MTU", "docker.mtu", "larger than the overlay MTU 1472 of the udp backend",
                        "docker: {mtu: 1500}"),
                rule("docker MTU nonsense", "docker.mtu", "not a usable MTU", "docker: {mtu: 10}"),
                rule("verify image malformed", "verify.image", "not a docker image name", "verify: {image: 'Busy Box'}"),
                rule("hosts node ssh port", "nodes[0].ssh.port", "not a TCP port", "provider: hosts",
                        "nodes: [{name: a, ip: 192.168.56.10, ssh: {port: 0}}]"))
                .map(c -> Arguments.of(c.rule(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleNamesItsFieldAndTheFix(String rule, Case c) {
        List<Problem> problems = LabFiles.problems(c.yaml());
        assertThat(problems).as("problems of:\n" + c.yaml())
                .anySatisfy(p -> {
                    assertThat(p.path()).isEqualTo(c.path);
                    for (String w : c.words) {
                        assertThat(p.message()).contains(w);
                    }
                    assertThat(p.line()).as("line of " + p).isPositive();
                });
    }

    @Test
    void theBaseLabOfTheTableIsValid() {
        assertThat(LabFiles.problems(lab())).isEmpty();
    }

    @Test
    void validNeighboursOfTheRulesPass() {
        assertThat(LabFiles.problems(lab("etcd: {members: 3}", THREE_NODES))).isEmpty();
        assertThat(LabFiles.problems(lab("flannel: {version: 0.28.9, backend: {type: host-gw}}"))).isEmpty();
        assertThat(LabFiles.problems(lab("flannel: {backend: {type: vxlan, DirectRouting: true, VNI: 1, Port: 8472, GBP: false, MTU: 1500}}",
                "docker: {mtu: 1450}"))).isEmpty();
        assertThat(LabFiles.problems(lab("docker: {mtu: 1472}"))).isEmpty();
        assertThat(LabFiles.problems(lab("network: {cidr: 192.168.60.0/24}",
                "nodes: [{name: master, ip: 192.168.60.101}]"))).as("inside 192.168.56.0/21").isEmpty();
        assertThat(LabFiles.problems(lab("provider: local", "profile: debian-12-nspawn", "network: {cidr: 10.10.0.0/24}",
                "nodes: [{name: master, ip: 10.10.0.101}]", "flannel: {network: 10.1.0.0/16}"))).as("local has no VirtualBox range").isEmpty();
        assertThat(LabFiles.problems(lab("flannel: {network: 10.1.0.0/16, subnetMin: 10.1.10.0, subnetMax: 10.1.20.0}"))).isEmpty();
        assertThat(LabFiles.problems(lab("provider: hosts", "flannel: {version: 0.28.9, backend: {type: vxlan, DirectRouting: true}}",
                "nodes: [{name: a, ip: 192.168.56.10}, {name: b, ip: 10.20.0.5}]"))).as("routed hosts with vxlan").isEmpty();
    }

    @Test
    void vboxNetworksConfCanAllowAnotherRange(@TempDir Path dir) throws IOException, LabFileException {
        Path conf = dir.resolve("networks.conf");
        Files.writeString(conf, "# allowed\n* 10.0.0.0/8 192.168.0.0/16\n");
        String yaml = lab("network: {cidr: 10.10.0.0/24}", "nodes: [{name: master, ip: 10.10.0.101}]");
        assertThat(LabLoader.parse(yaml, Optional.empty(), true, new Validator(conf)).network().cidr()).isEqualTo("10.10.0.0/24");
        Lab ws = LabFiles.parse(lab());
        Lab remote = new Lab("t", "virtualbox-ws", ws.profile(), new HostNetwork("10.10.0.0/24", "10.10.0.1"),
                List.of(new Node("master", "10.10.0.101", Node.Role.MASTER, SshEndpoint.of("10.10.0.101", 22, "vagrant"))),
                ws.etcd(), ws.flannel(), ws.docker(), ws.verify(), Optional.empty(), Optional.empty(),
                Optional.of(new VBoxWebServer("http://lab-server:18083/", "")));
        assertThat(new Validator(conf).validate(remote)).as("this machine's networks.conf says nothing about a web-service server")
                .extracting(Problem::path).containsExactly("network.cidr");
    }

    @Test
    void vboxNetworksConfReplacesTheDefaultRange(@TempDir Path dir) throws IOException, LabFileException {
        // as the real VirtualBox 7.2.22 does: with '* 10.0.0.0/8' it refuses 192.168.56.1 (E_ACCESSDENIED)
        Path conf = dir.resolve("networks.conf");
        Files.writeString(conf, "* 10.0.0.0/8\n");
        Lab seeds = LabFiles.parse(lab());

        assertThat(new Validator(conf).validate(seeds)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("network.cidr");
            assertThat(p.message()).contains("192.168.56.0/24 is outside the host-only ranges")
                    .contains("10.0.0.0/8 (the '*' lines of " + conf + ", which replace VirtualBox's default 192.168.56.0/21)")
                    .contains("add 192.168.56.0/24 to a '*' line of " + conf);
        });
    }

    @Test
    void aLabBuiltInMemoryIsCheckedWithoutPositions() throws LabFileException {
        Lab lab = LabFiles.parse(lab());
        Lab broken = lab.withFlannel(lab.flannel().withBackend(new FlannelSettings.Backend("geneve", Map.of())));
        assertThat(Validator.check(broken)).extracting(Problem::path, Problem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("flannel.backend.type", 0));
    }

    record Case(String rule, String yaml, String path, List<String> words) {
        Case and(String more) {
            List<String> all = new java.util.ArrayList<>(words);
            all.add(more);
            return new Case(rule, yaml, path, all);
        }

        @Override
        public String toString() {
            return rule;
        }
    }

    private static Case rule(String rule, String path, String words, String... overrides) {
        return new Case(rule, lab(overrides), path, List.of(words));
    }
}
