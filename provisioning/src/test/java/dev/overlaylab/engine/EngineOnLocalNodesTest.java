package dev.overlaylab.engine;

import dev.overlaylab.compose.Wiring;
import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.net.SubnetEnv;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.local.LocalProvider;
import dev.overlaylab.provider.local.RootfsSpec;
import dev.overlaylab.render.RenderedFile;
import dev.overlaylab.render.RenderedLab;
import dev.overlaylab.render.Renderer;
import dev.overlaylab.ssh.KnownHostsStore;
import dev.overlaylab.ssh.LabKeys;
import dev.overlaylab.ssh.NodeShell;
import dev.overlaylab.ssh.SshConnector;
import dev.overlaylab.ssh.SshTimeouts;
import dev.overlaylab.testsupport.Prereq;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole engine on real nodes: two systemd-nspawn nodes from the local provider (systemd, etcd,
 * docker inside), the real renderer, sshj and the etcd gateway. Proves the re-run claims
 * where systemd really restarts things: {@code up} builds the lab, a second {@code up} changes and
 * restarts nothing, a changed docker drop-in restarts docker and nothing else. The verification
 * matrix is left out here (the verifier's own tests cover it); the lab is taken down at the end.
 */
@Tag("integration")
class EngineOnLocalNodesTest {
    static final String FLANNELD = "/var/cache/overlay-lab/flannel/flanneld-v0.28.9";
    static final String LAB_YAML = String.join("\n",
            "name: olt-e-it",
            "provider: local",
            "profile: debian-12-nspawn",
            "network: {cidr: 10.200.2.0/24}",
            "nodes:",
            "  - {name: e1, ip: 10.200.2.11}",
            "  - {name: e2, ip: 10.200.2.12}",
            "flannel:",
            "  version: 0.28.9",
            "  network: 10.1.0.0/16",
            "  backend: {type: vxlan}",
            "  binary: {file: " + FLANNELD + "}",
            "");

    @TempDir
    Path tmp;
    final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void upBuildsTheLabThenUpAgainRestartsNothingAndAChangedDropInRestartsOnlyDocker() throws Exception {
        Prereq.requireRoot();
        Prereq.requireProgram("systemd-nspawn");
        Prereq.require(Files.isRegularFile(Path.of(FLANNELD)), "needs the flanneld binary at " + FLANNELD + " (sudo ./olab setup local builds it)");
        Path keyDir = tmp.resolve("keys");
        LocalProvider provider = new LocalProvider(new ProcessRunner(), LocalProvider.DEFAULT_STATE_ROOT, LocalProvider.DEFAULT_CACHE_ROOT,
                RootfsSpec.DEFAULT, name -> LabKeys.in(keyDir, "overlay-lab:" + name));
        Prereq.require(provider.unavailableReason().isEmpty(), provider.unavailableReason().orElse(""));
        Lab lab = LabLoader.parse(LAB_YAML, Optional.empty());
        RenderedLab rendered = Renderer.builtIn().render(lab, Profiles.of(lab));
        SshConnector ssh = new SshConnector(new KnownHostsStore(tmp.resolve("known_hosts")), LabKeys.in(keyDir, "overlay-lab:olt-e-it"),
                (node, hostPort, type, fingerprint) -> { }, SshTimeouts.defaults());
        Engine engine = new Engine((l, n) -> ssh.connect(n.name(), n.ssh()), Wiring.ETCD.ports(), null);
        List<Stage> upWithoutVerify = Pipelines.up().stream().filter(s -> !s.id().equals("verify")).toList();
        try {
            RunResult first = run(engine, upWithoutVerify, lab, rendered, provider);
            assertThat(first.ok()).as(first.failures().toString()).isTrue();
            assertThat(first.restarts()).contains("e1: etcd", "e1: flanneld", "e2: flanneld", "e1: docker", "e2: docker");
            for (var node : provider.endpoints(lab)) {
                try (NodeShell sh = ssh.connect(node.name(), node.ssh())) {
                    String lease = SubnetEnv.of(sh.read(SubnetEnv.PATH)).flatMap(SubnetEnv::subnet).map(Object::toString).orElseThrow();
                    String docker0 = sh.exec("ip -4 -o addr show dev docker0", Duration.ofSeconds(10)).stdout();
                    assertThat(docker0).as(node.name()).contains(" " + lease + " ");
                }
            }

            RunResult second = run(engine, upWithoutVerify, lab, rendered, provider);
            assertThat(second.ok()).as(second.failures().toString()).isTrue();
            assertThat(second.changed()).as(changedSteps()).isZero();
            assertThat(second.restarts()).isEmpty();

            RunResult third = run(engine, Pipelines.apply(Pipelines.Component.DOCKER), lab, withDropInComment(rendered), provider);
            assertThat(third.ok()).as(third.failures().toString()).isTrue();
            assertThat(third.restarts()).containsExactly("e1: docker", "e2: docker");
        } finally {
            provider.down(lab, ProgressListener.NONE);
        }
    }

    private RunResult run(Engine engine, List<Stage> stages, Lab lab, RenderedLab rendered, LocalProvider provider) {
        events.clear();
        return engine.run(stages, lab, rendered, provider, RunOptions.defaults(), e -> {
            events.add(e);
            if (e.status() != Status.STARTED) {
                System.out.println("[" + e.status() + "] " + e.stage() + " " + e.node() + " " + e.step() + ": " + e.message());
            }
        });
    }

    private String changedSteps() {
        return events.stream().filter(e -> e.status() == Status.CHANGED).map(e -> e.node() + " " + e.step() + ": " + e.message()).toList().toString();
    }

    /** The same lab with one more comment line in docker's drop-in: a template change only docker reads. */
    private static RenderedLab withDropInComment(RenderedLab r) {
        Map<String, List<RenderedFile>> files = new LinkedHashMap<>();
        r.files().forEach((node, list) -> {
            List<RenderedFile> changed = new ArrayList<>();
            for (RenderedFile f : list) {
                changed.add(f.component().equals("docker")
                        ? new RenderedFile(f.path(), f.content() + "# tuned by the test\n", f.mode(), f.component(), f.restarts(), f.applyCommand())
                        : f);
            }
            files.put(node, changed);
        });
        return new RenderedLab(files, r.networkConfigJson(), r.cni());
    }
}
