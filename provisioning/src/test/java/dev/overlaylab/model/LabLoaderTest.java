package dev.overlaylab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.model.EtcdSettings.EtcdApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabLoaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"two-node-vbox.yaml", "two-node-local.yaml", "three-node-hostgw.yaml", "three-node-kubernetes.yaml"})
    void everyExampleLoadsValid(String example) throws Exception {
        Lab lab = LabLoader.load(LabFiles.example(example));
        assertThat(lab.nodes()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Validator.check(lab)).isEmpty();
    }

    @Test
    void twoNodeVboxIsTheSeedsLabUnder25Lines() throws Exception {
        Path file = LabFiles.example("two-node-vbox.yaml");
        assertThat(Files.readAllLines(file)).hasSizeLessThan(25);
        Lab lab = LabLoader.load(file);
        assertThat(lab.provider()).isEqualTo("virtualbox");
        assertThat(lab.profile()).isEqualTo("ubuntu-16.04");
        assertThat(lab.network()).isEqualTo(new HostNetwork("192.168.56.0/24", "192.168.56.1"));
        assertThat(lab.nodes()).extracting(Node::name, Node::ip, Node::role).containsExactly(
                org.assertj.core.groups.Tuple.tuple("master", "192.168.56.101", Node.Role.MASTER),
                org.assertj.core.groups.Tuple.tuple("node1", "192.168.56.102", Node.Role.WORKER));
        FlannelSettings f = lab.flannel();
        assertThat(f.version()).isEqualTo("0.7.1");
        assertThat(f.network()).isEqualTo("10.1.0.0/16");
        assertThat(f.subnetLen()).isEqualTo(24);
        assertThat(f.backend()).isEqualTo(new FlannelSettings.Backend("udp", Map.of()));
        assertThat(f.ipMasq()).isFalse();
        assertThat(f.overlayMtu()).isEqualTo(1472);   // seed 000's FLANNEL_MTU
        assertThat(lab.etcdApi()).isEqualTo(EtcdApi.V2);
        assertThat(lab.etcdEndpoints()).containsExactly("http://192.168.56.101:2379");
        assertThat(lab.etcd().configKey()).isEqualTo("/coreos.com/network/config");
        assertThat(lab.docker().mtu()).isEmpty();
        assertThat(lab.source()).contains(file);
    }

    @Test
    void localExampleCopiesFlanneldFromTheCacheAndUsesVxlan() throws Exception {
        Lab lab = LabLoader.load(LabFiles.example("two-node-local.yaml"));
        assertThat(lab.flannel().binary().file()).contains("/var/cache/overlay-lab/flannel/flanneld-v0.28.9");
        assertThat(lab.flannel().binary().url()).isEmpty();
        assertThat(lab.flannel().backend().type()).isEqualTo("vxlan");
        assertThat(lab.flannel().overlayMtu()).isEqualTo(1450);
        assertThat(lab.etcdApi()).isEqualTo(EtcdApi.V3);
        assertThat(lab.nodes().get(0).ssh()).isEqualTo(new SshEndpoint("192.168.56.101", 22, "root", Optional.empty(), false));
    }

    @Test
    void aNearlyEmptyFileGetsEveryDocumentedDefault() throws Exception {
        Lab lab = LabFiles.parse("provider: virtualbox\n");
        assertThat(lab.name()).isEqualTo("lab");
        assertThat(lab.profile()).isEqualTo("ubuntu-22.04");
        assertThat(lab.network()).isEqualTo(new HostNetwork("192.168.56.0/24", "192.168.56.1"));
        assertThat(lab.nodes()).extracting(Node::name).containsExactly("master", "node1");
        assertThat(lab.nodes()).extracting(Node::ip).containsExactly("192.168.56.101", "192.168.56.102");
        assertThat(lab.nodes().get(1).ssh()).isEqualTo(new SshEndpoint("192.168.56.102", 22, "vagrant", Optional.empty(), true));
        assertThat(lab.etcd()).isEqualTo(new EtcdSettings(1, 2379, 2380, "/coreos.com/network", EtcdApi.AUTO));
        FlannelSettings f = lab.flannel();
        assertThat(f.version()).isEqualTo("0.28.9");
        assertThat(f.network()).isEqualTo("10.1.0.0/16");
        assertThat(f.subnetLen()).isEqualTo(24);
        assertThat(f.subnetMin()).isEmpty();
        assertThat(f.subnetMax()).isEmpty();
        assertThat(f.backend()).isEqualTo(new FlannelSettings.Backend("vxlan", Map.of()));
        assertThat(f.iface()).isEmpty();
        assertThat(f.ipMasq()).isFalse();
        assertThat(f.binary().url()).contains("https://github.com/flannel-io/flannel/releases/download/v0.28.9/flanneld-amd64");
        assertThat(lab.docker().mtu()).isEmpty();
        assertThat(lab.verify()).isEqualTo(new VerifySettings(true, true, true, "olab/busybox"));
    }

    @Test
    void providerDefaultsToLocalWithoutVirtualBoxAndPicksTheNspawnProfile() throws Exception {
        Lab lab = LabFiles.parse("name: x\n");
        assertThat(lab.provider()).isEqualTo("local");
        assertThat(lab.profile()).isEqualTo("debian-12-nspawn");
        Lab withVbox = LabLoader.parse("name: x\n", Optional.empty(), true, new Validator(Path.of("/nonexistent")));
        assertThat(withVbox.provider()).isEqualTo("virtualbox");
    }

    @Test
    void nameDefaultsToTheFileName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("my-lab.yaml");
        Files.writeString(file, "provider: local\n");
        assertThat(LabLoader.load(file).name()).isEqualTo("my-lab");
    }

    @Test
    void relativePathsResolveAgainstTheLabFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lab.yaml");
        Files.writeString(file, """
                provider: hosts
                nodes:
                  - {name: a, ip: 192.168.56.10, ssh: {host: a.example, port: 2222, user: root, key: keys/id}}
                flannel: {binary: {file: bin/flanneld}}
                """);
        Lab lab = LabLoader.load(file);
        assertThat(lab.flannel().binary().file()).contains(dir.resolve("bin/flanneld").toString());
        assertThat(lab.nodes().get(0).ssh()).isEqualTo(
                new SshEndpoint("a.example", 2222, "root", Optional.of(dir.resolve("keys/id").toString()), false));
    }

    @Test
    void backendOptionsKeepFlannelsNamesAndYamlTypes() throws Exception {
        Lab lab = LabFiles.parse("""
                provider: local
                flannel: {backend: {type: vxlan, VNI: 4096, DirectRouting: true, Port: 4789}}
                """);
        assertThat(lab.flannel().backend().options()).containsExactlyInAnyOrderEntriesOf(
                Map.of("VNI", 4096, "DirectRouting", true, "Port", 4789));
        assertThat(LabFiles.parse("provider: local\nflannel: {backend: host-gw}\n").flannel().backend().type())
                .isEqualTo("host-gw");
    }

    @Test
    void malformedYamlNamesLineAndColumn() {
        List<Problem> p = LabFiles.problems("name: x\nnodes:\n  - name: a\n   ip: 1.2.3.4\n");
        assertThat(p).hasSize(1);
        assertThat(p.get(0).path()).isEqualTo("nodes");
        assertThat(p.get(0).message()).startsWith("malformed YAML");
        assertThat(p.get(0).line()).isEqualTo(4);
        assertThat(p.get(0).column()).isGreaterThan(0);
    }

    @Test
    void malformedYamlNamesTheFieldTheParserWasIn() {
        assertThat(LabFiles.problems("flannel:\n  backend: {type: vxlan, VNI: 1\n  ipMasq: true\n"))
                .extracting(Problem::path).containsExactly("flannel.backend");
        assertThat(LabFiles.problems("nodes:\n  - {name: a, ip: 1.2.3.4\n  - {name: b}\n"))
                .extracting(Problem::path).containsExactly("nodes[0]");
        assertThat(LabFiles.problems("name: [a\n")).extracting(Problem::path).containsExactly("name");
        assertThat(LabFiles.problems("name: x\n\tprovider: local\n")).extracting(Problem::path).containsExactly("(yaml)");
    }

    @Test
    void unknownFieldsAreNamedWithTheirPathAndASuggestion() {
        List<Problem> p = LabFiles.problems("""
                provider: local
                flannel:
                  subnetlen: 24
                  backend: {type: vxlan, directrouting: true}
                colour: blue
                """);
        assertThat(p).extracting(Problem::toString).containsExactlyInAnyOrder(
                "flannel.subnetlen: unknown field; did you mean subnetLen? (line 3, column 3)",
                "flannel.backend.directrouting: unknown field; did you mean DirectRouting?"
                        + " (flannel's option names are case-sensitive) (line 4, column 26)",
                "colour: unknown field; known here: name, provider, profile, network, nodes, etcd, flannel, docker, verify, kubernetes, server, templates"
                        + " (line 5, column 1)");
    }

    @Test
    void wrongTypesAndDuplicateFieldsAreProblemsWithPositions() {
        List<Problem> p = LabFiles.problems("""
                provider: local
                etcd: {members: one, clientPort: 2379}
                flannel: {ipMasq: maybe, subnetLen: [24]}
                verify: {pods: true, pods: false}
                docker: {mtu: big}
                nodes: {name: a}
                """);
        assertThat(p).extracting(Problem::path).contains("etcd.members", "flannel.ipMasq", "flannel.subnetLen",
                "verify.pods", "docker.mtu", "nodes");
        assertThat(p).allSatisfy(x -> assertThat(x.line()).isPositive());
    }

    @Test
    void sshIsOnlyForTheHostsProvider() {
        assertThat(LabFiles.problems("""
                provider: local
                nodes: [{name: a, ip: 192.168.56.10, ssh: {port: 22}}]
                """)).extracting(Problem::path).containsExactly("nodes[0].ssh");
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        List<Problem> p = LabFiles.problems("""
                provider: virtualbox
                profile: ubuntu-16.04
                nodes:
                  - {name: master, ip: 192.168.56.101}
                  - {name: master, ip: 192.168.56.101}
                flannel: {network: 10.0.0.0/8, subnetLen: 33}
                oops: 1
                """);
        assertThat(p).extracting(Problem::path).contains("nodes[1].name", "nodes[1].ip", "flannel.network", "flannel.subnetLen", "oops");
    }

    @Test
    void aMissingFileIsOneReadableProblem(@TempDir Path dir) {
        assertThatThrownBy(() -> LabLoader.load(dir.resolve("nope.yaml")))
                .isInstanceOf(LabFileException.class)
                .hasMessageContaining("no such file");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "\n  \n", "# only a comment\n", "---\n", "--- # a document with nothing in it\n"})
    void anEmptyFileIsRefusedNotTakenAsAllDefaults(String text) {
        // kubectl and docker compose refuse empty input too: an empty file is a mistake, not a lab
        assertThatThrownBy(() -> LabFiles.parse(text))
                .isInstanceOf(LabFileException.class)
                .hasMessageContaining("the lab file is empty");
    }
}
