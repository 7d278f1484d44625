package dev.overlaylab.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.model.FlannelSettings;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.compose.Wiring;
import dev.overlaylab.engine.Engine;
import dev.overlaylab.engine.Failure;
import dev.overlaylab.engine.RunOptions;
import dev.overlaylab.engine.RunResult;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.ssh.NodeShellFactory;
import dev.overlaylab.render.RenderedLab;
import dev.overlaylab.render.Renderer;
import dev.overlaylab.testsupport.Prereq;
import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.OpenedShells;
import dev.overlaylab.verify.PodImage;
import dev.overlaylab.verify.VerificationReport;
import dev.overlaylab.verify.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 item 6, the real lab end to end: examples/two-node-local.yaml up through the engine on
 * nspawn nodes (real etcd, flanneld 0.28.9, docker), the verification matrix all green, the
 * backend switched vxlan → host-gw and up again, verified again, down, nothing left.
 */
@Tag("integration")
class LocalLabEndToEndTest {

    @TempDir
    Path tmp;

    @Test
    void exampleLabComesUpGreenSwitchesBackendAndGoesDownClean() throws Exception {
        Prereq.requireProgram("debootstrap"); // the rest is checked by LocalLabRig.open

        Lab lab = LabLoader.load(Path.of("..", "examples", "two-node-local.yaml").toAbsolutePath().normalize());
        LocalLabRig rig = LocalLabRig.open(lab, tmp);
        LocalProvider provider = rig.provider();
        NodeShellFactory shells = rig.shells();
        Engine engine = rig.engine();
        ProgressListener log = e -> System.out.println("[" + e.stage() + "/" + e.status() + "] " + e.node() + " " + e.step()
                + ": " + e.message() + (e.duration().isZero() ? "" : " (" + e.duration().toMillis() + " ms)"));
        LocalNames names = rig.names();
        try {
            long t0 = System.nanoTime();
            RunResult up = engine.up(lab, render(lab), provider, RunOptions.defaults(), log);
            System.out.printf("up (vxlan): %d ms%n", ms(t0));
            assertThat(up.failures()).as(describe(up)).isEmpty();
            assertGreen(lab, provider, shells, log);
            assertBootedClean(lab, provider, shells);

            long t1 = System.nanoTime();
            RunResult again = engine.up(lab, render(lab), provider, RunOptions.defaults(), log);
            System.out.printf("re-up, no change: %d ms, restarts %s%n", ms(t1), again.restarts());
            assertThat(again.failures()).as(describe(again)).isEmpty();
            assertThat(again.changed()).as("a second up changes nothing").isZero();

            Lab hostGw = lab.withFlannel(lab.flannel().withBackend(new FlannelSettings.Backend("host-gw", Map.of())));
            long t2 = System.nanoTime();
            RunResult switched = engine.up(hostGw, render(hostGw), provider, RunOptions.defaults().withForce(true), log);
            System.out.printf("backend switch to host-gw: %d ms, restarts %s%n", ms(t2), switched.restarts());
            assertThat(switched.failures()).as(describe(switched)).isEmpty();
            assertGreen(hostGw, provider, shells, log);
        } finally {
            long t3 = System.nanoTime();
            provider.down(lab, log);
            System.out.printf("down: %d ms%n", ms(t3));
        }
        String links = new ProcessRunner().check(List.of("ip", "-o", "link", "show"), Duration.ofSeconds(10)).stdout();
        assertThat(links).doesNotContain(names.bridge()).doesNotContain(names.hostOnlyVeth(0).substring(0, 9));
        assertThat(Files.readString(Path.of("/proc/self/mounts"))).doesNotContain(names.labDir().toString());
        assertThat(Files.exists(names.labDir())).isFalse();
    }

    /** Every node's systemd finished booting with no failed unit (the units and generators NodeRoot masks included). */
    private static void assertBootedClean(Lab lab, LocalProvider provider, NodeShellFactory shells) {
        try (OpenedShells access = new OpenedShells(lab, provider.endpoints(lab), shells, Wiring.ETCD.ports())) {
            for (Node n : lab.nodes()) {
                var r = access.shell(n.name()).exec("systemctl is-system-running; systemctl --failed --no-legend; ls /etc/systemd/system-generators",
                        Duration.ofSeconds(30));
                assertThat(r.stdout()).as(n.name()).startsWith("running\n").contains("systemd-sysv-generator");
            }
        }
    }

    private static RenderedLab render(Lab lab) throws Exception {
        return Renderer.builtIn().render(lab, Profiles.of(lab));
    }

    static void assertGreen(Lab lab, LocalProvider provider, NodeShellFactory shells, ProgressListener log) {
        VerificationReport report = verify(lab, provider, shells);
        assertThat(report.failures()).as(report.failures().stream().map(LocalLabEndToEndTest::describe)
                .collect(Collectors.joining("\n"))).isEmpty();
    }

    /** The pod image on every node, then the verification matrix; prints its time and size. */
    static VerificationReport verify(Lab lab, LocalProvider provider, NodeShellFactory shells) {
        try (OpenedShells access = new OpenedShells(lab, provider.endpoints(lab), shells, Wiring.ETCD.ports())) {
            for (Node n : lab.nodes()) {
                PodImage.ensure(access.shell(n.name()), lab.verify().image());
            }
            long t = System.nanoTime();
            VerificationReport report = new Verifier().run(lab, access, ProgressListener.NONE);
            System.out.printf("verify (%s): %d ms, %d checks%n", lab.flannel().backend().type(), ms(t), report.results().size());
            return report;
        }
    }

    static String describe(CheckResult r) {
        return r.id() + " " + r.node() + r.peer().map(p -> "→" + p).orElse("") + ": " + r.summary() + "\n    "
                + r.evidence().stream().map(Object::toString).collect(Collectors.joining("\n    "));
    }

    static String describe(RunResult r) {
        return r.failures().stream().map(Failure::describe).collect(Collectors.joining("\n"));
    }

    static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
