package dev.overlaylab.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.etcd.Lease;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class VerifierTest {

    private static VerificationReport verify(FakeLab f) {
        return new Verifier().run(f.lab(), f.access(), ProgressListener.NONE);
    }

    @Test
    void healthyTwoNodeLabPassesEveryCheck() {
        FakeLab f = FakeLab.healthy();
        VerificationReport report = verify(f);

        assertThat(report.failures()).isEmpty();
        assertThat(report.results()).allMatch(CheckResult::passed);
        assertThat(report.allPassed()).isTrue();
        // node1: etcd, flanneld, docker, etcd-health + 6 more; node2 the same without the two etcd checks
        assertThat(report.nodeResults()).hasSize(10 + 8);
        assertThat(report.pairResults()).hasSize(2 * Verifier.PAIR_CHECKS.size());
        assertThat(report.find("pod-http", "node1", "node2").orElseThrow().summary()).contains("olab-verify node2");
        assertThat(report.find("subnet-env", "node2").orElseThrow().summary())
                .isEqualTo("FLANNEL_SUBNET=10.1.77.1/24 matches lease 10.1.77.0/24");
        assertThat(report.leases()).extracting(Lease::publicIp).containsExactly("192.168.57.11", "192.168.57.12");
    }

    @Test
    void eachPairsCellsAreOneExecOnTheSourceNode() {
        FakeLab f = FakeLab.healthy();
        VerificationReport report = verify(f);

        assertThat(report.allPassed()).isTrue();
        List<String> bundles = f.commands.stream().filter(c -> c.contains(EvidenceScript.HEADER) && c.contains("ping-host-only")).toList();
        assertThat(bundles).hasSize(2);
        assertThat(bundles).anyMatch(c -> c.startsWith("node1: ")).anyMatch(c -> c.startsWith("node2: "));
        assertThat(f.commands).as("no ping on its own").noneMatch(c -> c.matches("node\\d: (ping|nsenter|timeout) .*"));
        // every cell still carries its own command as evidence
        assertThat(report.find("mtu-probe", "node1", "node2").orElseThrow().evidence().get(0).command()).startsWith("nsenter ")
                .contains(" -M do ");
    }

    @Test
    void everyBackendsHealthyLabPasses() {
        for (String backend : List.of("vxlan", "udp", "host-gw")) {
            assertThat(verify(FakeLab.healthy().backend(backend)).failures()).as(backend).isEmpty();
        }
    }

    @Test
    void onePodPerNodeIsStartedAndKeptForTheNextVerifyEvenWhenChecksFail() {
        FakeLab f = FakeLab.healthy().forwardDrop();
        VerificationReport report = verify(f);

        assertThat(report.allPassed()).isFalse();
        assertThat(f.podsStarted.get()).isEqualTo(2);
        assertThat(f.podsRemoved.get()).as("a running pod ends by itself, or the next verify takes it").isZero();
    }

    @Test
    void aPodThatCouldNotStartIsRemovedByName() {
        FakeLab f = FakeLab.healthy();
        f.node("node2").podIp = null;
        VerificationReport report = verify(f);

        assertThat(report.find("verify-pod", "node2").orElseThrow().passed()).isFalse();
        assertThat(f.podsRemoved.get()).isEqualTo(1);
        assertThat(f.commands).contains("node2: " + NodeCommands.stopPod()).doesNotContain("node1: " + NodeCommands.stopPod());
    }

    @Test
    void podIsStartedBeforeDocker0IsReadSoItsMtuIsTheVethsMtu() {
        FakeLab f = FakeLab.healthy();
        verify(f);
        String read = f.commands.stream().filter(c -> c.startsWith("node1: ") && c.contains("docker run")).findFirst().orElseThrow();
        // both in the foreground of the node's script, in this order
        assertThat(read).containsSubsequence(NodeCommands.POD_RUN, "\nsec docker0-mtu '" + NodeCommands.docker0Mtu() + "' 5\n");
    }

    @Test
    void eachNodeIsReadInOneExecAndItsPairsInOneEach() {
        FakeLab f = FakeLab.healthy();
        assertThat(verify(f).allPassed()).isTrue();
        // an exec costs the node ~10 ms of CPU in sshd; the reads were seven of them, four one after another
        assertThat(f.commands.stream().filter(c -> c.startsWith("node1: "))).hasSize(2).allMatch(c -> c.contains(EvidenceScript.HEADER));
    }

    @Test
    void aSourceNodesPairsShareOneExecUpToSixPeers() {
        FakeLab f = FakeLab.healthy(8);
        VerificationReport report = verify(f);

        assertThat(report.failures()).isEmpty();
        assertThat(report.all("pod-http")).hasSize(8 * 7).allMatch(CheckResult::passed);
        // 7 peers: one exec of 6, one of 1, besides the node's read
        List<String> node1 = f.commands.stream().filter(c -> c.startsWith("node1: ")).toList();
        assertThat(node1).hasSize(3);
        assertThat(node1.stream().filter(c -> c.contains("sec p5-mtu-probe "))).hasSize(1);
        // each cell still judged on its own peer's answer
        assertThat(report.find("pod-http", "node1", "node8").orElseThrow().summary()).contains("olab-verify node8");
        assertThat(report.find("pod-http", "node8", "node3").orElseThrow().summary()).contains("olab-verify node3");
    }

    @Test
    void switchedOffPodChecksAreSkippedAndNoPodIsStarted() {
        FakeLab f = FakeLab.healthy();
        f.verify.pods = false;
        f.verify.http = false;
        f.verify.mtuProbe = false;
        VerificationReport report = verify(f);

        assertThat(report.all("pod-ping")).allMatch(r -> r.status() == CheckStatus.SKIP);
        assertThat(report.all("pod-http")).allMatch(r -> r.status() == CheckStatus.SKIP);
        assertThat(report.all("mtu-probe")).allMatch(r -> r.status() == CheckStatus.SKIP);
        assertThat(report.all("verify-pod")).isEmpty();
        assertThat(f.podsStarted.get()).isZero();
        assertThat(report.allPassed()).isTrue();
        assertThat(report.find("docker0-mtu", "node1").orElseThrow().summary())
                .isEqualTo("docker --mtu 1450 ≤ FLANNEL_MTU 1450 (no container on docker0 yet)");
    }

    @Test
    void withoutPodsDocker0MtuIsJudgedByDockersConfiguredMtu() {
        FakeLab f = FakeLab.healthy().mtuMismatch();
        f.verify.pods = false;
        f.verify.http = false;
        f.verify.mtuProbe = false;

        assertThat(verify(f).find("docker0-mtu", "node2").orElseThrow().summary())
                .isEqualTo("docker --mtu 1500 > FLANNEL_MTU 1450 (no container on docker0 yet)");
    }

    @Test
    void peerOnDockersDefaultBridgeIsNotPingedBecauseTheAnswerWouldComeFromTheNodeItself() {
        VerificationReport report = verify(FakeLab.healthy().dockerWithoutDropIn());

        CheckResult docker0 = report.find("ping-docker0", "node1", "node2").orElseThrow();
        assertThat(docker0.status()).isEqualTo(CheckStatus.SKIP);
        assertThat(docker0.summary()).contains("172.17.0.1", "outside the flannel network 10.1.0.0/16");
        assertThat(report.find("docker0-subnet", "node2").orElseThrow().failed()).isTrue();
    }

    @Test
    void failedChecksCarryTheCommandAndItsOutput() {
        VerificationReport report = verify(FakeLab.healthy().vxlanPortFiltered());

        CheckResult ping = report.find("pod-ping", "node1", "node2").orElseThrow();
        assertThat(ping.failed()).isTrue();
        assertThat(ping.evidence().get(0).command()).matches("nsenter -t \\d+ -n ping -c 2 -i 0\\.02 -W 1 -w 2 10\\.1\\.77\\.2");
        assertThat(ping.evidence().get(0).output()).contains("0 received, 100% packet loss", "(exit 1)");
        assertThat(ping.summary()).contains("0/10 answered");
    }

    @Test
    void podHttpTimeoutSaysSoInsteadOfABareExitCode() {
        VerificationReport report = verify(FakeLab.healthy().vxlanPortFiltered());

        assertThat(report.find("pod-http", "node1", "node2").orElseThrow().summary())
                .isEqualTo("GET http://10.1.77.2:8080/ got no answer within 3 s");
    }

    @Test
    void leaseWithTheNatAddressFailsLeasePublicIpOnly() {
        VerificationReport report = verify(FakeLab.healthy().natInterfaceTwoLeases());

        assertThat(report.find("lease-public-ip", "node1").orElseThrow().summary())
                .isEqualTo("lease 10.1.35.0/24 has PublicIP 10.0.2.15, not the host-only address 192.168.57.11");
        assertThat(report.find("subnet-env", "node1").orElseThrow().passed()).isTrue();
        assertThat(report.find("ping-host-only", "node1", "node2").orElseThrow().passed()).isTrue();
        assertThat(report.find("ping-docker0", "node1", "node2").orElseThrow().failed()).isTrue();
    }

    @Test
    void unreachableNodeFailsItsChecksWithTheConnectionErrorInsteadOfAborting() {
        FakeLab f = FakeLab.healthy();
        NodeAccess real = f.access();
        NodeAccess access = new NodeAccess() {
            @Override
            public dev.overlaylab.ssh.NodeShell shell(String nodeName) {
                if (nodeName.equals("node2")) {
                    throw new IllegalStateException("connect timed out after 5 s to 192.168.57.12:22");
                }
                return real.shell(nodeName);
            }

            @Override
            public LeaseSource leases() {
                return real.leases();
            }
        };
        VerificationReport report = new Verifier().run(f.lab(), access, ProgressListener.NONE);

        CheckResult flanneld = report.find("flanneld-active", "node2").orElseThrow();
        assertThat(flanneld.failed()).isTrue();
        assertThat(flanneld.evidence().get(0).output()).contains("connect timed out after 5 s");
        assertThat(report.find("flanneld-active", "node1").orElseThrow().passed()).isTrue();
    }

    @Test
    void progressReportsEveryCheckAndTheEnd() {
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        VerificationReport report = new Verifier().run(FakeLab.healthy().lab(), FakeLab.healthy().access(), events::add);

        assertThat(events.get(0).status()).isEqualTo(ProgressEvent.Status.STARTED);
        assertThat(events).filteredOn(e -> e.status() == ProgressEvent.Status.UNCHANGED).hasSize(report.results().size() + 1);
    }

}
