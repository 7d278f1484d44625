package dev.overlaylab.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.cli.Olab;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code olab render} end to end, in process: the example lab files against golden folders, bad input, big labs. */
class RenderCommandTest {
    static final Path EXAMPLES = Path.of(System.getProperty("basedir", "."), "..", "examples");

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @ParameterizedTest
    @ValueSource(strings = {"two-node-vbox", "two-node-local", "three-node-hostgw"})
    void eachExampleRendersLikeItsGoldenFolder(String example) throws Exception {
        Path dir = tmp.resolve("out");
        int exit = olab("render", EXAMPLES.resolve(example + ".yaml").toString(), "-o", dir.toString());

        assertThat(exit).as(err.toString()).isZero();
        Golden.assertTreeMatches("examples/" + example, dir);
    }

    @Test
    void theSeedsLabIsWhatSeed000WroteByHand() throws Exception {
        Path dir = tmp.resolve("out");
        assertThat(olab("render", EXAMPLES.resolve("two-node-vbox.yaml").toString(), "-o", dir.toString())).isZero();

        assertThat(Files.readString(dir.resolve("etcd/network-config.json")))
                .isEqualTo("{\"Network\":\"10.1.0.0/16\",\"SubnetLen\":24,\"Backend\":{\"Type\":\"udp\"}}\n");
        assertThat(Files.readString(dir.resolve("node1/etc/systemd/system/flanneld.service")))
                .contains("--etcd-endpoints=http://192.168.56.101:2379", "--iface=enp0s8", "Before=docker.service");
        assertThat(Files.readString(dir.resolve("node1/etc/systemd/system/docker.service.d/10-flannel.conf")))
                .contains("ExecStart=\nExecStart=/usr/bin/docker daemon -H fd:// --bip=${FLANNEL_SUBNET} --mtu=${FLANNEL_MTU}");
        assertThat(Files.readString(dir.resolve("master/etc/default/etcd")))
                .contains("ETCD_LISTEN_CLIENT_URLS=\"http://192.168.56.101:2379,http://127.0.0.1:2379\"");
        assertThat(out.toString()).contains("master", "5 files", "node1", "4 files", "etcd/network-config.json");
    }

    @Test
    void anInvalidLabExitsTwoNamingTheFieldAndWritesNothing() throws Exception {
        Path lab = tmp.resolve("bad.yaml");
        Files.writeString(lab, """
                name: bad
                provider: local
                profile: debian-12-nspawn
                network: {cidr: 192.168.56.0/24}
                nodes:
                  - {name: a, ip: 192.168.56.11}
                  - {name: a, ip: 192.168.56.11}
                flannel: {network: 10.0.0.0/8}
                """);
        Path dir = tmp.resolve("out");

        int exit = olab("render", lab.toString(), "-o", dir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("flannel.network", "nodes[1]", "nothing rendered");
        assertThat(dir).doesNotExist();
    }

    @Test
    void aBrokenUserTemplateExitsTwoAndWritesNothing() throws Exception {
        Path templates = Files.createDirectories(tmp.resolve("templates/flannel"));
        Files.writeString(templates.resolve("flanneld.service.ftl"), "# ${managed}\nExecStart=${flannel.nope}\n");
        Path dir = tmp.resolve("out");

        int exit = olab("render", EXAMPLES.resolve("two-node-vbox.yaml").toString(), "-o", dir.toString(),
                "--templates", tmp.resolve("templates").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("flannel/flanneld.service.ftl", "line 2", "flannel.nope");
        assertThat(dir).doesNotExist();
    }

    @Test
    void theLabFilesTemplatesFolderIsUsedUnlessTemplatesIsGivenWhichWins() throws Exception {
        Path labDir = Files.createDirectories(tmp.resolve("labs"));
        Path lab = Files.writeString(labDir.resolve("lab.yaml"),
                Files.readString(EXAMPLES.resolve("two-node-local.yaml")) + "\ntemplates: mine\n");
        Files.writeString(Files.createDirectories(labDir.resolve("mine/docker")).resolve("10-flannel.conf.ftl"),
                "# ${managed}\n# from the lab's folder on ${node.name}\n");
        Files.writeString(Files.createDirectories(tmp.resolve("flag/docker")).resolve("10-flannel.conf.ftl"),
                "# ${managed}\n# from --templates on ${node.name}\n");
        String dropIn = "etc/systemd/system/docker.service.d/10-flannel.conf";

        assertThat(olab("render", lab.toString(), "-o", tmp.resolve("a").toString())).as(err.toString()).isZero();
        assertThat(olab("render", lab.toString(), "-o", tmp.resolve("b").toString(), "--templates", tmp.resolve("flag").toString()))
                .as(err.toString()).isZero();

        assertThat(Files.readString(tmp.resolve("a/node1").resolve(dropIn))).endsWith("# from the lab's folder on node1\n");
        assertThat(Files.readString(tmp.resolve("b/node1").resolve(dropIn))).endsWith("# from --templates on node1\n");
        assertThat(Files.readString(tmp.resolve("a/master/etc/systemd/system/flanneld.service")))
                .isEqualTo(Files.readString(tmp.resolve("b/master/etc/systemd/system/flanneld.service")));
    }

    @Test
    void aBrokenTemplateInTheLabsFolderIsBadInput() throws Exception {
        Path labDir = Files.createDirectories(tmp.resolve("labs"));
        Path lab = Files.writeString(labDir.resolve("lab.yaml"),
                Files.readString(EXAMPLES.resolve("two-node-local.yaml")) + "\ntemplates: mine\n");
        Files.writeString(Files.createDirectories(labDir.resolve("mine/docker")).resolve("10-flannel.conf.ftl"), "${docker.nope}\n");

        assertThat(olab("render", lab.toString(), "-o", tmp.resolve("out").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("docker/10-flannel.conf.ftl", "docker.nope", "nothing rendered");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void missingOutputFolderIsBadInput() {
        assertThat(olab("render", EXAMPLES.resolve("two-node-vbox.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--output");
    }

    @Test
    void helpListsTheOptions() {
        assertThat(olab("render", "--help")).isZero();
        assertThat(out.toString()).contains("--output=DIR", "--templates=DIR");
    }

    @Test
    void twoHundredNodesFromALabFile() throws Exception {
        Path lab = tmp.resolve("big.yaml");
        Files.writeString(lab, bigLab(200));
        Path dir = tmp.resolve("out");

        assertThat(olab("render", lab.toString(), "-o", dir.toString())).as(err.toString()).isZero();

        assertThat(Files.list(dir).count()).isEqualTo(201);  // 200 nodes + etcd/
        assertThat(Files.readString(dir.resolve("n200/etc/systemd/network/10-olab-host0.network")))
                .contains("Address=192.168.57.200/21");
        assertThat(out.toString()).contains("200 nodes, 801 files").hasLineCount(4);
    }

    /** A lab file with {@code count} nodes n1..nN on 192.168.56.0/21, for the 200-node checks. */
    static String bigLab(int count) {
        StringBuilder yaml = new StringBuilder("""
                name: big
                provider: local
                profile: debian-12-nspawn
                network: {cidr: 192.168.56.0/21}
                flannel: {network: 10.1.0.0/16, subnetLen: 24, backend: {type: vxlan}}
                nodes:
                """);
        for (int i = 1; i <= count; i++) {
            yaml.append("  - {name: n").append(i).append(", ip: 192.168.57.").append(i).append("}\n");
        }
        return yaml.toString();
    }

    private int olab(String... args) {
        CommandLine cl = Olab.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }
}
