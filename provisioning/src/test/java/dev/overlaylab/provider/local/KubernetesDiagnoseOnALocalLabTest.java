package dev.overlaylab.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.compose.DiagnoseAndFix;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.VerifyAndDiagnose.Outcome;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.kube.KubeTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    private LabExam exam;

    @Test
    void theKubernetesRowsPassAndEachCauseOfAnUnreachableClusterIpIsNamedAndFixed() throws Exception {
        exam = LabExam.open(LAB, tmp, "k8s", CMD);
        KubeTarget t = KubeTarget.of(exam.lab).orElseThrow();
        long t0 = System.nanoTime();
        try {
            exam.up("Kubernetes lab", LocalLabRig.finishedSteps());

            Outcome healthy = exam.diagnose("healthy");
            if (!healthy.passed()) {
                // what the pods say, for whoever reads a failed run
                System.out.println(exam.sh("master", t.kubectl() + " -n olab-verify describe pods | tail -n 40; true"));
            }
            LabExam.assertHealthy(healthy, "right after up");
            for (String id : new String[] {"k8s-node-ready", "k8s-pod", "k8s-clusterip", "k8s-nodeport", "k8s-apiserver-service",
                    "kubelet-active", "kube-proxy-active"}) {
                assertThat(healthy.report().all(id)).as(id).hasSize(2).allMatch(CheckResult::passed);
            }
            assertThat(healthy.report().all("k8s-pod-http")).hasSize(2).allMatch(CheckResult::passed);
            assertThat(healthy.report().find("k8s-clusterip", "master")).get().extracting(CheckResult::summary).asString()
                    .contains("8 of 8 answered");
            // re-verify: the same objects, one pod per node
            exam.assertHealthy("second verify");
            assertThat(exam.sh("master", t.kubectl() + " -n olab-verify get pods --no-headers | wc -l").strip()).isEqualTo("2");

            // seed 004: kube-proxy on node1 loses clusterCIDR; node1's Service traffic leaves from nat0's 10.0.2.15
            exam.sh("node1", "sed -i '/^clusterCIDR:/d' " + t.kubeProxyConfig() + " && systemctl restart kube-proxy && sleep 3");
            Finding f = expect("seed 004", "10.0.2.15");
            assertThat(f.fix()).contains("clusterCIDR: 10.84.0.0/16");
            // up restarts kube-proxy; its predecessor's rules (no masquerade) stay until its first sync, and the verify
            // waits for that (seen in CI: judged on the old rules, node1's requests to the master timed out)
            DiagnoseAndFix.FixReport after004 = exam.fix(false, "seed 004");
            after004.after().report().find("k8s-clusterip", "node1").ifPresent(c -> System.out.println("[k8s] after the seed 004 fix,"
                    + " node1: " + c.evidence().get(0).output().lines().findFirst().orElse("")));

            // kube-proxy stopped and disabled on node1
            exam.sh("node1", "systemctl disable --now kube-proxy");
            expect("kube-proxy is not running on node1", "systemctl enable --now kube-proxy");
            exam.fix(false, "kube-proxy stopped");

            // the apiserver told to advertise the master's NAT address
            String unit = exam.sh("master", "systemctl show -p FragmentPath --value kube-apiserver").strip();
            exam.sh("master", "sed -i 's/--advertise-address=192.168.84.11/--advertise-address=10.0.2.15/' " + unit
                    + " && systemctl daemon-reload && systemctl restart --no-block kube-apiserver");
            // until the apiserver's Service leads only to the new address (the old lease goes on restart)
            waitForApiserverEndpoint(t, "10.0.2.15", 90);
            expect("advertises 10.0.2.15", "--advertise-address=192.168.84.11");
            // up restarts the apiserver and waits for it, not for its Service: right after, the EndpointSlice was
            // seen empty for a moment (the master's own k8s-apiserver-service refused), so wait for the endpoint first
            DiagnoseAndFix.FixReport r = exam.doctor.fix(exam.lab, exam.rendered, exam.rig.provider(),
                    exam.diagnose("before the fix").findings(), false, ProgressListener.NONE);
            r.up().ifPresent(u -> assertThat(u.failures()).isEmpty());
            waitForApiserverEndpoint(t, "192.168.84.11", 60);
            // seen once (CI-like load, 2026-11-28): right after this fix, the master's node read Ready=Unknown although
            // up's "nodes ready" step had seen it Ready; its kubelet posts again within seconds. Print what the node
            // and its kubelet say, then wait (bounded) for every node Ready before judging the matrix.
            String nodes = exam.sh("master", t.kubectl() + " get nodes --no-headers; " + t.kubectl()
                    + " get node master -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.lastHeartbeatTime} {.reason}{\"\\n\"}{end}'");
            if (nodes.contains("NotReady") || nodes.contains("Unknown")) {
                System.out.println("[k8s] after the fix, before the wait:\n" + nodes
                        + exam.sh("master", "journalctl -u kubelet -u kube-controller-manager --since=-2min --no-pager | tail -n 30; true"));
            }
            exam.sh("master", "for i in $(seq 60); do o=$(" + t.kubectl() + " get nodes --no-headers 2>/dev/null)"
                    + " && [ -n \"$o\" ] && ! printf '%s\\n' \"$o\" | grep -qv ' Ready ' && exit 0; sleep 1; done; exit 1");
            // seen once (clean-clone CI, 2026-11-29, load ~20): node1's kube-proxy had not yet followed the endpoint's
            // return when the matrix was judged (verify's own 6 s wait for its rules ran out: "missed 1 of 5 expected
            // endpoints"). The apiserver's restart broke kube-proxy's watch, and client-go reconnects with a backoff. Wait
            // (bounded) until every node reaches the Service, and say so when it took a while.
            String serviceIp = exam.sh("master", t.kubectl() + " -n default get svc kubernetes -o jsonpath='{.spec.clusterIP}'").strip();
            for (String node : List.of("master", "node1")) {
                String waited = exam.sh(node, "for i in $(seq 60); do c=$(curl -ks -m 2 -o /dev/null -w '%{http_code}' https://" + serviceIp
                        + ":443/livez); case \"$c\" in [1-5][0-9][0-9]) echo $((i - 1)); exit 0;; esac; sleep 1; done; exit 1").strip();
                if (!waited.equals("0")) {
                    System.out.println("[k8s] after the fix, " + node + " reached the apiserver's Service after ~" + waited + " s");
                }
            }
            exam.assertHealthy("after the fix and the endpoint's return");
            System.out.printf("[k8s] all: %d s%n", (System.nanoTime() - t0) / 1_000_000_000);
        } finally {
            exam.downAndCheckNothingLeft();
        }
    }

    /** Exactly one finding, clusterip-unreachable, whose cause says {@code cause} and whose text says {@code says}. */
    private Finding expect(String cause, String says) {
        Finding f = exam.expectOnly("clusterip-unreachable", cause);
        assertThat(f.cause()).contains(cause);
        assertThat(LabExam.text(f)).contains(says);
        return f;
    }

    /** Waits, at most {@code seconds}, until the apiserver's own Service leads to exactly that address. */
    private void waitForApiserverEndpoint(KubeTarget t, String address, int seconds) {
        exam.sh("master", "for i in $(seq " + seconds + "); do [ \"$(" + t.kubectl() + " -n default get endpointslices"
                + " -l kubernetes.io/service-name=kubernetes -o jsonpath='{.items[*].endpoints[*].addresses[*]}' 2>/dev/null)\" = "
                + address + " ] && exit 0; sleep 1; done; exit 1");
    }
}
