package dev.overlaylab.provider.local;

import static dev.overlaylab.provider.local.LocalLabEndToEndTest.assertGreen;
import static dev.overlaylab.provider.local.LocalLabEndToEndTest.describe;
import static dev.overlaylab.provider.local.LocalLabEndToEndTest.ms;
import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.engine.Engine;
import dev.overlaylab.ssh.NodeShellFactory;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.engine.RunOptions;
import dev.overlaylab.engine.RunResult;
import dev.overlaylab.render.Renderer;
import dev.overlaylab.ssh.NodeShell;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 item 4 for real: one two-node nspawn lab is brought up once over vxlan, then switched
 * to udp, host-gw and vxlan with DirectRouting by editing the lab file's backend line and running
 * {@code up} again. After each: only flanneld and docker restarted, the backend's own device,
 * routes and FLANNEL_MTU are on the nodes (nothing of the previous backend left), and the
 * verification matrix (pod → pod ping, HTTP between pods, DF ping at the overlay MTU) is all green.
 * Then {@code down}, and nothing of the lab is left on the host.
 */
@Tag("integration")
class BackendSwitchEndToEndTest {
    static final String NAME = "olbk-it";

    /** The lab file as a person writes it; only the backend line differs between the runs. */
    static String labFile(String backend) {
        return String.join("\n",
                "name: " + NAME,
                "provider: local",
                "profile: debian-12-nspawn",
                "network: {cidr: 192.168.63.0/24}",
                "nodes:",
                "  - {name: master, ip: 192.168.63.20}",
                "  - {name: node1, ip: 192.168.63.21}",
                "flannel:",
                "  version: 0.28.9",
                "  network: 10.1.0.0/16",
                "  subnetLen: 24",
                "  backend: " + backend,
                "  binary: {file: " + LocalLabRig.FLANNELD + "}",
                "docker: {mtu: flannel}",
                "verify: {pods: true, http: true, mtuProbe: true}",
                "");
    }

    /** What a backend must leave on each node: its FLANNEL_MTU, its device, and whether pod subnets route via the peer's host-only address. */
    record Expect(String backend, int mtu, Optional<String> device, boolean directRoutes) {
    }

    @TempDir
    Path tmp;

    @Test
    void everyBackendComesUpGreenAndASwitchRestartsOnlyFlannelAndDocker() throws Exception {

        Lab lab = LabLoader.parse(labFile("{type: vxlan}"), Optional.empty());
        LocalLabRig rig = LocalLabRig.open(lab, tmp);
        LocalProvider provider = rig.provider();
        NodeShellFactory shells = rig.shells();
        Engine engine = rig.engine();
        ProgressListener log = LocalLabRig.finishedSteps();
        LocalNames names = rig.names();
        List<String> figures = new ArrayList<>();
        try {
            long t0 = System.nanoTime();
            RunResult up = engine.up(lab, Renderer.builtIn().render(lab, Profiles.of(lab)), provider, RunOptions.defaults(), log);
            figures.add("up vxlan: " + ms(t0) + " ms");
            assertThat(up.failures()).as(describe(up)).isEmpty();
            assertBackend(lab, provider, shells, new Expect("vxlan", 1450, Optional.of("flannel.1"), false));
            long v0 = System.nanoTime();
            assertGreen(lab, provider, shells, log);
            figures.add("verify vxlan: " + ms(v0) + " ms");

            for (Expect next : List.of(
                    new Expect("{type: udp}", 1472, Optional.of("flannel0"), false),
                    new Expect("{type: host-gw}", 1500, Optional.empty(), true),
                    new Expect("{type: vxlan, DirectRouting: true}", 1450, Optional.of("flannel.1"), true))) {
                lab = LabLoader.parse(labFile(next.backend()), Optional.empty());
                long t = System.nanoTime();
                RunResult switched = engine.up(lab, Renderer.builtIn().render(lab, Profiles.of(lab)), provider,
                        RunOptions.defaults().withForce(true), log);
                figures.add("switch to " + next.backend() + ": " + ms(t) + " ms");
                assertThat(switched.failures()).as(describe(switched)).isEmpty();
                assertThat(switched.restarts()).as("a backend switch restarts flannel and docker, nothing else")
                        .containsExactlyInAnyOrder("master: flanneld", "master: docker", "node1: flanneld", "node1: docker");
                assertBackend(lab, provider, shells, next);
                long v = System.nanoTime();
                assertGreen(lab, provider, shells, log);
                figures.add("verify " + next.backend() + ": " + ms(v) + " ms");
            }
        } finally {
            long t = System.nanoTime();
            provider.down(lab, log);
            figures.add("down: " + ms(t) + " ms");
            System.out.println("figures: " + String.join("; ", figures));
        }
        LocalProviderTest.assertNothingLeft(names);
    }

    /** The backend in effect on every node is the one asked for, and the previous one left nothing behind. */
    private static void assertBackend(Lab lab, LocalProvider provider, NodeShellFactory shells, Expect expect) {
        for (Node n : provider.endpoints(lab)) {
            try (NodeShell s = shells.open(lab, n)) {
                String env = s.exec("cat /run/flannel/subnet.env", Duration.ofSeconds(10)).orThrow().stdout();
                String links = s.exec("ip -o link show", Duration.ofSeconds(10)).orThrow().stdout();
                String routes = s.exec("ip -4 route show root 10.1.0.0/16", Duration.ofSeconds(10)).orThrow().stdout();
                String what = n.name() + " on " + expect.backend() + ":\n" + env + links + routes;
                assertThat(env).as(what).contains("FLANNEL_MTU=" + expect.mtu());
                for (String dev : List.of("flannel.1", "flannel0")) {
                    boolean present = links.contains(": " + dev + ":");
                    assertThat(present).as(what + "\n" + dev + " present").isEqualTo(expect.device().equals(Optional.of(dev)));
                }
                for (Node peer : lab.nodes()) {
                    if (!peer.name().equals(n.name())) {
                        assertThat(routes.contains(" via " + peer.ip() + " dev " + LocalNames.HOST_ONLY_NIC)).as(what + "\nroute via " + peer.ip())
                                .isEqualTo(expect.directRoutes());
                    }
                }
            }
        }
    }
}
