package dev.overlaylab.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profile;
import dev.overlaylab.node.NodeLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class RendererTest {
    private final Renderer renderer = Renderer.builtIn();

    @Test
    void everyNodeGetsItsFilesAndOnlyEtcdMembersGetEtcdDefaults() throws Exception {
        Lab lab = TestLabs.twoNodeVbox();
        RenderedLab r = renderer.render(lab, TestLabs.profileOf(lab));

        assertThat(r.files().keySet()).containsExactly("master", "node1");
        assertThat(r.filesOf("master")).extracting(RenderedFile::path).containsExactly(
                "/etc/network/interfaces.d/olab-enp0s8",
                "/etc/systemd/system/olab-forward-accept.service",
                "/etc/default/etcd",
                "/etc/systemd/system/flanneld.service",
                "/etc/systemd/system/docker.service.d/10-flannel.conf");
        assertThat(r.filesOf("node1")).extracting(RenderedFile::path).doesNotContain("/etc/default/etcd");
    }

    @Test
    void eachFileNamesItsComponentAndTheUnitsThatReadIt() throws Exception {
        Lab lab = TestLabs.twoNodeLocal();
        Map<String, RenderedFile> byPath = byPath(renderer.render(lab, TestLabs.profileOf(lab)).filesOf("n1"));

        assertThat(byPath.get("/etc/default/etcd")).extracting(RenderedFile::component, RenderedFile::restarts)
                .containsExactly("etcd", List.of("etcd"));
        assertThat(byPath.get("/etc/systemd/system/flanneld.service")).extracting(RenderedFile::component, RenderedFile::restarts)
                .containsExactly("flannel", List.of("flanneld"));
        assertThat(byPath.get("/etc/systemd/system/docker.service.d/10-flannel.conf"))
                .extracting(RenderedFile::component, RenderedFile::restarts).containsExactly("docker", List.of("docker"));
        assertThat(byPath.get("/etc/systemd/system/olab-forward-accept.service").restarts()).containsExactly("olab-forward-accept");
        assertThat(byPath.values()).allSatisfy(f -> assertThat(f.mode()).isEqualTo(0644));
    }

    @Test
    void everyFileButJsonStartsWithTheManagedLine() throws Exception {
        for (Lab lab : List.of(TestLabs.twoNodeVbox(), TestLabs.twoNodeLocal(), TestLabs.threeNodeHostGw())) {
            RenderedLab r = renderer.render(lab, TestLabs.profileOf(lab));
            r.files().values().stream().flatMap(List::stream).forEach(f ->
                    assertThat(f.content().lines().findFirst().orElse(""))
                            .as(f.path()).startsWith("# ").contains(NodeLayout.MARKER));
            assertThat(r.networkConfigJson()).doesNotContain("managed").startsWith("{");
        }
    }

    @Test
    void networkConfigIsValidJsonWithFlannelsKeysInOrder() throws Exception {
        Lab lab = TestLabs.threeNodeHostGw();
        Object parsed = new Load(LoadSettings.builder().build())
                .loadFromString(renderer.networkConfigJson(lab, TestLabs.profileOf(lab)));

        assertThat(parsed).isInstanceOf(Map.class);
        Map<?, ?> config = (Map<?, ?>) parsed;
        assertThat(config.keySet().stream().map(String::valueOf).toList()).containsExactly("Network", "SubnetLen", "SubnetMin", "SubnetMax", "Backend");
        assertThat(config.get("SubnetLen")).isEqualTo(24);
        assertThat(config.get("Backend")).isEqualTo(Map.of("Type", "host-gw"));
    }

    @Test
    void renderingTwiceGivesIdenticalBytes(@TempDir Path tmp) throws Exception {
        Lab lab = TestLabs.threeNodeHostGw();
        Profile profile = TestLabs.profileOf(lab);
        RenderedLabWriter.write(renderer.render(lab, profile), tmp.resolve("a"));
        // a fresh renderer too: nothing may depend on cache state, time or order of calls
        RenderedLabWriter.write(Renderer.builtIn().render(lab, profile), tmp.resolve("b"));

        List<String> files = Golden.files(tmp.resolve("a"));
        assertThat(files).isEqualTo(Golden.files(tmp.resolve("b"))).hasSize(3 * 5 + 1);
        for (String f : files) {
            assertThat(Files.readAllBytes(tmp.resolve("b").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(f)));
        }
    }

    @Test
    void writerPutsFilesAtTheirAbsolutePathsUnderTheNodeFolderWithTheirModes(@TempDir Path out) throws Exception {
        Lab lab = TestLabs.threeNodeHostGw();
        Map<String, Integer> counts = RenderedLabWriter.write(renderer.render(lab, TestLabs.profileOf(lab)), out);

        assertThat(counts).containsExactly(Map.entry("alpha", 5), Map.entry("beta", 5), Map.entry("gamma", 5));
        assertThat(out.resolve("beta/etc/systemd/system/flanneld.service")).isRegularFile();
        assertThat(Files.readString(out.resolve("etcd/network-config.json"))).startsWith("{\"Network\":\"10.20.0.0/16\"").endsWith("}\n");
        assertThat(Files.getPosixFilePermissions(out.resolve("gamma/etc/netplan/60-olab-hostonly.yaml")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void theWriterStaysInsideTheOutputFolder(@TempDir Path tmp) {
        RenderedFile f = new RenderedFile("/etc/default/etcd", "x", 0644, "etcd", List.of("etcd"));
        RenderedLab sneaky = new RenderedLab(Map.of("../outside", List.of(f)), "{}");

        assertThatThrownBy(() -> RenderedLabWriter.write(sneaky, tmp.resolve("out")))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("refusing");
        assertThat(tmp.resolve("outside")).doesNotExist();
    }

    @Test
    void aMissingVariableFailsNamingTemplateLineAndNode(@TempDir Path userTemplates) throws Exception {
        Files.createDirectories(userTemplates.resolve("docker"));
        Files.writeString(userTemplates.resolve("docker/10-flannel.conf.ftl"), "# ${managed}\n[Service]\nExecStart=${docker.binary}\n");
        Renderer custom = Renderer.withUserTemplates(userTemplates);
        Lab lab = TestLabs.twoNodeVbox();

        assertThatThrownBy(() -> custom.render(lab, TestLabs.profileOf(lab)))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("docker/10-flannel.conf.ftl")
                .hasMessageContaining("node master")
                .hasMessageContaining("line 3")
                .hasMessageContaining("docker.binary is missing")
                .hasMessageNotContaining("Tip:");
    }

    @Test
    void aBrokenTemplateFailsWithItsLine(@TempDir Path userTemplates) throws Exception {
        Files.createDirectories(userTemplates.resolve("etcd"));
        Files.writeString(userTemplates.resolve("etcd/etcd.default.ftl"), "# ${managed}\n<#if node.etcdMember>\nETCD_NAME=x\n");
        Lab lab = TestLabs.twoNodeVbox();

        Renderer custom = Renderer.withUserTemplates(userTemplates).warmUp();

        // warmUp() met the error first; render() still names it, not "an earlier attempt"
        assertThatThrownBy(() -> custom.render(lab, TestLabs.profileOf(lab)))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("etcd/etcd.default.ftl")
                .hasMessageContaining("syntax error at line")
                .hasMessageNotContaining("earlier attempt");
    }

    @Test
    void aUserFolderOverridesOneTemplateAndKeepsTheOthers(@TempDir Path userTemplates) throws Exception {
        Files.createDirectories(userTemplates.resolve("flannel"));
        Files.writeString(userTemplates.resolve("flannel/flanneld.service.ftl"),
                "# ${managed}\n[Service]\nExecStart=${flannel.binary} --iface=${flannel.iface} --v=2\n");
        Lab lab = TestLabs.twoNodeVbox();
        Profile profile = TestLabs.profileOf(lab);

        Map<String, RenderedFile> custom = byPath(Renderer.withUserTemplates(userTemplates).renderNode(lab, profile, lab.master()));
        Map<String, RenderedFile> builtIn = byPath(renderer.renderNode(lab, profile, lab.master()));

        assertThat(custom.get("/etc/systemd/system/flanneld.service").content()).endsWith("--iface=enp0s8 --v=2\n");
        assertThat(custom.get("/etc/default/etcd")).isEqualTo(builtIn.get("/etc/default/etcd"));
        assertThat(custom.get("/etc/systemd/system/docker.service.d/10-flannel.conf"))
                .isEqualTo(builtIn.get("/etc/systemd/system/docker.service.d/10-flannel.conf"));
    }

    @Test
    void aMissingUserFolderIsRefused() {
        assertThatThrownBy(() -> Renderer.withUserTemplates(Path.of("/nonexistent/olab-templates")))
                .hasMessageContaining("/nonexistent/olab-templates");
    }

    @Test
    void anUnknownNetworkToolIsNamedWithTheProfile() {
        Lab lab = TestLabs.twoNodeVbox();
        Profile p = TestLabs.profileOf(lab);
        Profile odd = new Profile(p.name(), p.description(), p.box(), p.user(), p.natNic(), p.hostOnlyNic(), p.memoryMb(),
                p.cpus(), "wicked", p.packages(), p.dockerd(), p.dockerdArgs(), p.etcdVersion(), p.flannelVersion(),
                p.etcdUnitName());

        assertThatThrownBy(() -> renderer.render(lab, odd)).isInstanceOf(RenderException.class)
                .hasMessageContaining("ubuntu-16.04").hasMessageContaining("wicked");
    }

    @Test
    void twoHundredNodesRenderCorrectlyAndQuickly() throws Exception {
        Lab lab = TestLabs.manyNodes(200);
        Profile profile = TestLabs.profileOf(lab);
        long start = System.nanoTime();
        RenderedLab r = renderer.render(lab, profile);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(r.files()).hasSize(200);
        // three etcd members get 5 files, the other 197 nodes 4
        assertThat(r.files().values().stream().mapToInt(List::size).sum()).isEqualTo(3 * 5 + 197 * 4);
        Node last = lab.nodes().get(199);
        Map<String, RenderedFile> lastFiles = byPath(r.filesOf(last.name()));
        assertThat(lastFiles.get("/etc/systemd/network/10-olab-host0.network").content())
                .contains("Address=" + last.ip() + "/16");
        assertThat(lastFiles.get("/etc/systemd/system/flanneld.service").content())
                .contains("--etcd-endpoints=http://172.30.0.2:2379,http://172.30.0.3:2379,http://172.30.0.4:2379 \\")
                .contains("After=network-online.target\n");
        assertThat(byPath(r.filesOf("node003")).get("/etc/default/etcd").content())
                .contains("ETCD_NAME=\"node003\"", "ETCD_ADVERTISE_CLIENT_URLS=\"http://172.30.0.4:2379\"");
        // generous (the machine may be busy): about 60 ms here when idle; catches accidental quadratic work
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    private static Map<String, RenderedFile> byPath(List<RenderedFile> files) {
        Map<String, RenderedFile> m = new java.util.LinkedHashMap<>();
        files.forEach(f -> m.put(f.path(), f));
        return m;
    }
}
