package dev.overlaylab.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.compose.DiagnoseAndFix;
import dev.overlaylab.compose.Wiring;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.VerifyAndDiagnose.Outcome;
import dev.overlaylab.engine.Failure;
import dev.overlaylab.engine.RunOptions;
import dev.overlaylab.engine.RunResult;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.render.RenderedLab;
import dev.overlaylab.render.Renderer;
import dev.overlaylab.ssh.NodeShell;
import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.kube.KubeTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes rows of the matrix and failure mode #15 on a real two-node lab with Kubernetes (nspawn nodes,
 * flannel vxlan, the cached v1.37.2 binaries). Healthy, every row passes and a second verify leaves the verify
 * workload as it was (one pod per node, nothing piled up). Then each cause of #15 is made by hand inside a node —
 * seed 004 (kube-proxy without clusterCIDR, Service traffic leaving from the NAT address), kube-proxy stopped,
 * the apiserver advertising the NAT address — and {@code diagnose} must name exactly {@code clusterip-unreachable}
 * with that cause; {@code --fix} (up) must bring the matrix back to green. Lab {@code k8vdiag} on 192.168.84.0/24.
 */
@Tag("integration")
class KubernetesDiagnoseOnALocalLabTest {
    private static final Duration CMD = Duration.ofSeconds(120);
    private static final String LAB = """
            name: k8vdiag
            provider: local
            profile: debian-12-nspawn
            network:
              cidr: 192.168.84.0/24
            nodes:
              - {name: master, ip: 192.168.84.11}
              - {name: node1, ip: 192.168.84.12}
            flannel:
              version: 0.28.9
              network: 10.84.0.0/16
              subnetLen: 24
              backend: {type: vxlan, VNI: 1, Port: 8472}
              binary: {file: %s}
            docker:
              mtu: flannel
            kubernetes:
              serviceCidr: 10.96.0.0/12
            """.formatted(LocalLabRig.FLANNELD);

    @TempDir
    Path tmp;

    private Lab lab;
    private LocalLabRig rig;
    private DiagnoseAndFix doctor;
    private RenderedLab rendered;

    @Test
    void theKubernetesRowsPassAndEachCauseOfAnUnreachableClusterIpIsNamedAndFixed() throws Exception {
        lab = LabLoader.parse(LAB, Optional.empty());
        rig = LocalLabRig.open(lab, tmp);
        doctor = new DiagnoseAndFix(rig.shells(), Wiring.ETCD.ports(), rig.engine());
        rendered = Renderer.builtIn().render(lab, Profiles.of(lab));
        KubeTarget t = KubeTarget.of(lab).orElseThrow();
        long t0 = System.nanoTime();
        try {
            RunResult up = rig.engine().up(lab, rendered, rig.provider(), RunOptions.defaults(), LocalLabRig.finishedSteps());
            assertThat(up.failures()).as(up.failures().stream().map(Failure::describe).collect(Collectors.joining("\n"))).isEmpty();
            System.out.printf("[k8s] up: %d s%n", (System.nanoTime() - t0) / 1_000_000_000);

            Outcome healthy = timed("healthy");
            if (!healthy.passed()) {
                // what the pods say, for whoever reads a failed run
                System.out.println(sh("master", t.kubectl() + " -n olab-verify describe pods | tail -n 40; true"));
            }
            assertHealthy(healthy, "right after up");
            for (String id : new String[] {"k8s-node-ready", "k8s-pod", "k8s-clusterip", "k8s-nodeport", "k8s-apiserver-service",
                    "kubelet-active", "kube-proxy-active"}) {
                assertThat(healthy.report().all(id)).as(id).hasSize(2).allMatch(CheckResult::passed);
            }
            assertThat(healthy.report().all("k8s-pod-http")).hasSize(2).allMatch(CheckResult::passed);
            assertThat(healthy.report().find("k8s-clusterip", "master")).get().extracting(CheckResult::summary).asString()
                    .contains("8 of 8 answered");
            // re-verify: the same objects, one pod per node
            assertHealthy(timed("again"), "second verify");
            assertThat(sh("master", t.kubectl() + " -n olab-verify get pods --no-headers | wc -l").strip()).isEqualTo("2");

            // seed 004: kube-proxy on node1 loses clusterCIDR; node1's Service traffic leaves from nat0's 10.0.2.15
            sh("node1", "sed -i '/^clusterCIDR:/d' " + t.kubeProxyConfig() + " && systemctl restart kube-proxy && sleep 3");
            Finding f = expect("seed 004", "10.0.2.15");
            assertThat(f.fix()).contains("clusterCIDR: 10.84.0.0/16");
            fix();

            // kube-proxy stopped and disabled on node1
            sh("node1", "systemctl disable --now kube-proxy");
            expect("kube-proxy is not running on node1", "systemctl enable --now kube-proxy");
            fix();

            // the apiserver told to advertise the master's NAT address
            String unit = sh("master", "systemctl show -p FragmentPath --value kube-apiserver").strip();
            sh("master", "sed -i 's/--advertise-address=192.168.84.11/--advertise-address=10.0.2.15/' " + unit
                    + " && systemctl daemon-reload && systemctl restart --no-block kube-apiserver");
            // until the apiserver's Service leads only to the new address (the old lease goes on restart)
            sh("master", "for i in $(seq 90); do [ \"$(" + t.kubectl() + " -n default get endpointslices -l kubernetes.io/service-name=kubernetes"
                    + " -o jsonpath='{.items[*].endpoints[*].addresses[*]}' 2>/dev/null)\" = 10.0.2.15 ] && exit 0; sleep 1; done; exit 1");
            expect("advertises 10.0.2.15", "--advertise-address=192.168.84.11");
            // up restarts the apiserver and waits for it, not for its Service: right after, the EndpointSlice was
            // seen empty for a moment (the master's own k8s-apiserver-service refused), so wait for the endpoint first
            DiagnoseAndFix.FixReport r = doctor.fix(lab, rendered, rig.provider(), current().findings(), false, ProgressListener.NONE);
            r.up().ifPresent(u -> assertThat(u.failures()).isEmpty());
            sh("master", "for i in $(seq 60); do [ \"$(" + t.kubectl() + " -n default get endpointslices -l kubernetes.io/service-name=kubernetes"
                    + " -o jsonpath='{.items[*].endpoints[*].addresses[*]}' 2>/dev/null)\" = 192.168.84.11 ] && exit 0; sleep 1; done; exit 1");
            assertHealthy(current(), "after the fix and the endpoint's return");
            System.out.printf("[k8s] all: %d s%n", (System.nanoTime() - t0) / 1_000_000_000);
        } finally {
            rig.provider().down(lab, ProgressListener.NONE);
        }
        assertThat(java.nio.file.Files.exists(rig.names().labDir())).isFalse();
    }

    private Outcome current() {
        return doctor.diagnose(lab, rig.provider(), ProgressListener.NONE);
    }

    private Outcome timed(String what) {
        long t = System.nanoTime();
        Outcome o = doctor.diagnose(lab, rig.provider(), ProgressListener.NONE);
        System.out.printf("[k8s] diagnose %s: %d ms, %d checks, %d failed%n", what, (System.nanoTime() - t) / 1_000_000,
                o.report().results().size(), o.report().failures().size());
        return o;
    }

    /** Exactly one finding, clusterip-unreachable, whose cause says {@code cause} and whose text says {@code says}. */
    private Finding expect(String cause, String says) {
        Outcome o = timed(cause);
        String shown = o.findings().stream().map(KubernetesDiagnoseOnALocalLabTest::show).collect(Collectors.joining("\n"));
        System.out.println(shown);
        assertThat(o.passed()).as(cause + ": some check must fail").isFalse();
        assertThat(o.findings()).as(shown).extracting(Finding::id).containsExactly("clusterip-unreachable");
        Finding f = o.findings().get(0);
        assertThat(f.cause()).contains(cause).doesNotContain("\n");
        assertThat(f.cause() + "\n" + String.join("\n", f.evidence()) + "\n" + f.fix()).contains(says);
        return f;
    }

    /** {@code olab diagnose --fix}: up puts back what the lab made; the matrix after it must be green. */
    private void fix() {
        long t = System.nanoTime();
        DiagnoseAndFix.FixReport r = doctor.fix(lab, rendered, rig.provider(), doctor.diagnose(lab, rig.provider(),
                ProgressListener.NONE).findings(), false, ProgressListener.NONE);
        System.out.printf("[k8s] fix: %d ms, up %s%n", (System.nanoTime() - t) / 1_000_000, r.up().map(RunResult::summary).orElse("not run"));
        r.up().ifPresent(u -> assertThat(u.failures()).as(u.failures().stream().map(Failure::describe)
                .collect(Collectors.joining("\n"))).isEmpty());
        assertHealthy(r.after(), "after the fix");
    }

    private static void assertHealthy(Outcome o, String when) {
        assertThat(o.report().failures()).as(when + ": failed checks " + o.report().failures().stream()
                .map(c -> c.where() + " " + c.id() + ": " + c.summary()).toList()).isEmpty();
        assertThat(o.findings()).as(when).isEmpty();
    }

    private static String show(Finding f) {
        return "  [" + f.id() + "] " + f.cause() + "\n" + f.evidence().stream().map(e -> "      " + e + "\n").collect(Collectors.joining())
                + "    fix: " + f.fix();
    }

    private String sh(String node, String command) {
        var n = rig.provider().endpoints(lab).stream().filter(e -> e.name().equals(node)).findFirst().orElseThrow();
        try (NodeShell s = rig.shells().open(lab, n)) {
            ExecResult r = s.exec(command, CMD);
            assertThat(r.exitCode()).as(node + ": " + command + "\n" + r.stdout() + r.stderr()).isZero();
            return r.stdout();
        }
    }
}
