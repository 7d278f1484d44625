package dev.overlaylab.provider.local;

import static dev.overlaylab.provider.local.LocalLabEndToEndTest.assertGreen;
import static dev.overlaylab.provider.local.LocalLabEndToEndTest.describe;
import static dev.overlaylab.provider.local.LocalLabEndToEndTest.ms;
import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.engine.Engine;
import dev.overlaylab.engine.RunOptions;
import dev.overlaylab.engine.RunResult;
import dev.overlaylab.net.SubnetEnv;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.ssh.NodeShellFactory;
import dev.overlaylab.render.Renderer;
import dev.overlaylab.ssh.NodeShell;
import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.VerificationReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3 item 6 for real: a three-node nspawn lab with {@code etcd.members: 3}. The engine runs
 * with {@code --parallel 1} on purpose: a new member is not started (nor healthy) before a quorum
 * runs, so members started one by one would wait on each other; the etcd stage must start them
 * together. All three form one cluster, every flanneld is given all three endpoints, verify is all
 * green; then etcd stops on the master and flannel keeps working through the other two (quorum 2
 * of 3): flanneld restarted on the master renews its lease, and verify fails exactly the stopped
 * member's own etcd checks.
 */
@Tag("integration")
class EtcdClusterEndToEndTest {
    static final String NAME = "olbk-ha-it";
    static final List<String> IPS = List.of("192.168.64.20", "192.168.64.21", "192.168.64.22");
    static final String ENDPOINTS = IPS.stream().map(ip -> "http://" + ip + ":2379").collect(Collectors.joining(","));
    static final String LAB_FILE = String.join("\n",
            "name: " + NAME,
            "provider: local",
            "profile: debian-12-nspawn",
            "network: {cidr: 192.168.64.0/24}",
            "nodes:",
            "  - {name: master, ip: " + IPS.get(0) + "}",
            "  - {name: node1, ip: " + IPS.get(1) + "}",
            "  - {name: node2, ip: " + IPS.get(2) + "}",
            "etcd: {members: 3}",
            "flannel:",
            "  version: 0.28.9",
            "  network: 10.1.0.0/16",
            "  backend: {type: vxlan}",
            "  binary: {file: " + LocalLabRig.FLANNELD + "}",
            "verify: {pods: true, http: true, mtuProbe: true}",
            "");

    @TempDir
    Path tmp;

    @Test
    void threeMembersFormOneClusterAndFlannelSurvivesOneMemberDown() throws Exception {

        Lab lab = LabLoader.parse(LAB_FILE, Optional.empty());
        LocalLabRig rig = LocalLabRig.open(lab, tmp);
        LocalProvider provider = rig.provider();
        NodeShellFactory shells = rig.shells();
        Engine engine = rig.engine();
        ProgressListener log = LocalLabRig.finishedSteps();
        LocalNames names = rig.names();
        List<String> figures = new ArrayList<>();
        try {
            long t0 = System.nanoTime();
            RunResult up = engine.up(lab, Renderer.builtIn().render(lab, Profiles.of(lab)), provider,
                    new RunOptions(false, false, 1), log);
            figures.add("up (3 members, --parallel 1): " + ms(t0) + " ms");
            assertThat(up.failures()).as(describe(up)).isEmpty();
            assertThat(up.restarts()).contains("master: etcd", "node1: etcd", "node2: etcd");

            List<Node> nodes = provider.endpoints(lab);
            for (Node n : nodes) {
                try (NodeShell s = shells.open(lab, n)) {
                    String members = exec(s, "ETCDCTL_API=3 etcdctl --endpoints=http://" + n.ip() + ":2379 member list").stdout();
                    assertThat(members.lines().filter(l -> l.contains(", started, ")).count()).as(n.name() + " sees one cluster of 3:\n" + members)
                            .isEqualTo(3);
                    assertThat(exec(s, "systemctl cat flanneld").stdout()).as(n.name() + " flanneld endpoints")
                            .contains("--etcd-endpoints=" + ENDPOINTS);
                }
            }
            long v0 = System.nanoTime();
            assertGreen(lab, provider, shells, log);
            figures.add("verify 3 nodes: " + ms(v0) + " ms");

            Node master = nodes.get(0);
            try (NodeShell s = shells.open(lab, master)) {
                String before = SubnetEnv.of(s.read(SubnetEnv.PATH)).flatMap(SubnetEnv::subnet).map(Object::toString).orElseThrow();
                exec(s, "systemctl stop etcd");
                long t1 = System.nanoTime();
                // flanneld's first endpoint is the master's own member, now down: it must renew its lease through the others
                exec(s, "systemctl restart flanneld");
                assertThat(waitActive(s, List.of("flanneld", "docker"))).as("flanneld and docker active again on the master").isTrue();
                figures.add("flanneld restart with the master's member down: " + ms(t1) + " ms");
                assertThat(SubnetEnv.of(s.read(SubnetEnv.PATH)).flatMap(SubnetEnv::subnet).map(Object::toString)).as("the master keeps its lease").contains(before);
                ExecResult h = s.exec("ETCDCTL_API=3 etcdctl --endpoints=" + ENDPOINTS + " endpoint health", Duration.ofSeconds(20));
                String health = h.stdout() + h.stderr();
                assertThat(health).as(health).contains(IPS.get(1) + ":2379 is healthy", IPS.get(2) + ":2379 is healthy");
            }

            long v1 = System.nanoTime();
            VerificationReport report = LocalLabEndToEndTest.verify(lab, provider, shells);
            figures.add("verify with one member down: " + ms(v1) + " ms");
            List<String> failed = report.failures().stream().map(r -> r.id() + " " + r.node()).toList();
            assertThat(failed).as(report.failures().stream().map(LocalLabEndToEndTest::describe).collect(Collectors.joining("\n")))
                    .containsExactlyInAnyOrder("etcd-active master", "etcd-health master");
            for (String id : List.of("subnet-env", "lease-public-ip", "pod-ping", "pod-http", "mtu-probe")) {
                assertThat(report.all(id)).as(id).isNotEmpty().allMatch(CheckResult::passed);
            }
        } finally {
            long t = System.nanoTime();
            provider.down(lab, log);
            figures.add("down: " + ms(t) + " ms");
            System.out.println("figures: " + String.join("; ", figures));
        }
        LocalProviderTest.assertNothingLeft(names);
    }

    private static ExecResult exec(NodeShell s, String command) {
        return s.exec(command, Duration.ofSeconds(60)).orThrow();
    }

    /** Polls (≤ 60 tries, ≤ 30 s) until every unit is active. */
    private static boolean waitActive(NodeShell s, List<String> units) throws InterruptedException {
        String command = units.stream().map(u -> "systemctl is-active --quiet " + u).collect(Collectors.joining(" && "));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (int i = 0; i < 60 && System.nanoTime() < deadline; i++) {
            if (s.exec(command, Duration.ofSeconds(10)).ok()) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }
}
