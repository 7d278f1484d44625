package dev.overlaylab.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.verify.FakeLab;
import dev.overlaylab.verify.VerificationReport;
import dev.overlaylab.verify.Verifier;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The diagnoser's exam: a healthy lab gets no finding, a lab with one fault gets exactly that fault's finding. */
class DiagnoserTest {

    static List<Finding> diagnose(FakeLab f) {
        var lab = f.lab();
        VerificationReport report = new Verifier().run(lab, f.access(), ProgressListener.NONE);
        Observations obs = new Observer(Path.of("/nonexistent/networks.conf")).observe(lab, f.access());
        return new Diagnoser().diagnose(lab, report, obs);
    }

    static Stream<Arguments> healthyLabs() {
        return Stream.of(
                Arguments.of("vxlan", FakeLab.healthy()),
                Arguments.of("udp", FakeLab.healthy().backend("udp")),
                Arguments.of("host-gw", FakeLab.healthy().backend("host-gw")),
                Arguments.of("virtualbox on 192.168.56.0/24", FakeLab.healthy().provider("virtualbox").hostNetwork("192.168.56")),
                Arguments.of("hosts provider on 10.200.3.0/24", FakeLab.healthy().provider("hosts").hostNetwork("10.200.3")));
    }

    @ParameterizedTest(name = "healthy {0} lab: no findings")
    @MethodSource("healthyLabs")
    void healthyLabHasNoFindings(String name, FakeLab f) {
        assertThat(diagnose(f)).isEmpty();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                fault(1, "NAT NIC, nodes share one lease", FakeLab::natInterfaceSharedLease),
                fault(1, "NAT NIC, two leases with one PublicIP", FakeLab::natInterfaceTwoLeases),
                fault(1, "NAT NIC after a flanneld restart, earlier lease left in etcd", FakeLab::natInterfaceAfterRestart),
                fault(2, "docker0 MTU above the overlay", FakeLab::mtuMismatch),
                fault(3, "flannel network overlaps the NAT network", FakeLab::networkOverlapsNat),
                fault(4, "FORWARD policy DROP", FakeLab::forwardDrop),
                fault(5, "etcd on loopback only", FakeLab::etcdLoopbackOnly),
                fault(5, "etcd on loopback only, docker already up on 172.17", f -> f.etcdLoopbackOnly().dockerAlreadyRunningOnItsDefaultBridge()),
                fault(6, "config written through v2", FakeLab::configWrittenThroughV2),
                fault(6, "config moved to v2 while running, master's docker stopped", FakeLab::configMovedToV2WhileRunning),
                fault(6, "config written through v2, docker already up on 172.17", f -> f.configWrittenThroughV2().dockerAlreadyRunningOnItsDefaultBridge()),
                fault(7, "docker without the drop-in", FakeLab::dockerWithoutDropIn),
                fault(8, "lease changed, docker0 kept the old subnet", FakeLab::staleLease),
                fault(9, "udp 8472 dropped", FakeLab::vxlanPortFiltered),
                fault(10, "VirtualBox host-only range", FakeLab::virtualBoxOutsideAllowedRange),
                fault(11, "vxlan checksum offload", FakeLab::checksumOffload),
                fault(12, "host-gw across a router", FakeLab::hostGwAcrossRouter),
                // as injected into a live lab (olab verify on a local lab): what the first version got wrong
                fault(1, "NAT NIC on a live lab, old leases still in etcd", FakeLab::natInterfaceOnALiveLab),
                fault(5, "etcd on loopback only, flanneld restarted on a live lab", FakeLab::etcdLoopbackOnlyOnALiveLab),
                fault(6, "config written through v2, flanneld restarted on a live lab", FakeLab::configWrittenThroughV2OnALiveLab),
                fault(7, "fresh docker without the drop-in, MTU 1500 too", FakeLab::dockerWithoutDropInMtuToo));
    }

    private static Arguments fault(int mode, String name, UnaryOperator<FakeLab> inject) {
        return Arguments.of(mode, name, inject);
    }

    @ParameterizedTest(name = "#{0} {1}: exactly that finding")
    @MethodSource("faults")
    void oneFaultGivesExactlyItsFinding(int mode, String name, UnaryOperator<FakeLab> inject) {
        List<Finding> findings = diagnose(inject.apply(FakeLab.healthy()));

        assertThat(findings).as(findings.toString()).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.failureMode()).hasValue(mode);
        assertThat(f.evidence()).isNotEmpty();
        assertThat(f.cause()).doesNotContain("\n");
        assertThat(f.fix()).isNotBlank();
    }

    @Test
    void natInterfaceFindingNamesTheAddressAndTheHostOnlyNic() {
        Finding f = diagnose(FakeLab.healthy().natInterfaceSharedLease()).get(0);

        assertThat(f.cause()).contains("10.0.2.15");
        assertThat(f.evidence()).anyMatch(e -> e.contains("node2: its lease 10.1.35.0/24 has PublicIP 10.0.2.15"))
                .anyMatch(e -> e.contains("node1 and node2 share the subnet 10.1.35.0/24"));
        assertThat(f.fix()).contains("--iface=enp0s8");
    }

    @Test
    void natInterfaceFixNamesTheLeasesToDeleteOneCommandEach() {
        Finding f = diagnose(FakeLab.healthy().natInterfaceOnALiveLab()).get(0);

        // flannel 0.28: a v3 lab, so v3's del, on the master's own endpoint
        assertThat(f.fix()).contains("(ETCDCTL_API=3 etcdctl --endpoints=http://127.0.0.1:2379 --dial-timeout=2s --command-timeout=3s"
                        + " del /coreos.com/network/subnets/10.1.47.0-24)")
                .doesNotContain("10.1.35.0-24");
    }

    @Test
    void staleLeaseFindingNamesTheNodeAndWhatKeptTheOldSubnet() {
        Finding f = diagnose(FakeLab.healthy().staleLease()).get(0);

        assertThat(f.cause()).isEqualTo("node2's lease changed but docker0 kept the old subnet");
        assertThat(f.fix()).startsWith("on node2: systemctl restart flanneld, then systemctl restart docker");
    }

    @Test
    void etcdLoopbackFindingQuotesTheListenerAndTellsTheUrls() {
        Finding f = diagnose(FakeLab.healthy().etcdLoopbackOnly()).get(0);

        assertThat(f.evidence()).anyMatch(e -> e.contains("127.0.0.1:2379"))
                .anyMatch(e -> e.contains("flanneld is activating"));
        assertThat(f.fix()).contains("ETCD_LISTEN_CLIENT_URLS=\"http://192.168.57.11:2379,http://127.0.0.1:2379\"");
    }

    @Test
    void overlapFindingSuggestsAFreeRange() {
        Finding f = diagnose(FakeLab.healthy().networkOverlapsNat()).get(0);

        assertThat(f.evidence()).anyMatch(e -> e.contains("overlaps the NAT network 10.0.2.0/24"))
                .anyMatch(e -> e.startsWith("node1: route \"10.0.2.0/24 dev enp0s3"));
        assertThat(f.fix()).contains("10.244.0.0/16");
    }

    @Test
    void portFilterFindingQuotesTheRule() {
        Finding f = diagnose(FakeLab.healthy().vxlanPortFiltered()).get(0);

        assertThat(f.evidence()).contains("node2: -A INPUT -p udp -m udp --dport 8472 -j DROP (iptables -S INPUT)");
        assertThat(f.fix()).startsWith("remove the rule: on node2: iptables -D INPUT -p udp -m udp --dport 8472 -j DROP (or,");
    }

    @Test
    void udpDropRuleWithItsPortLostInPrintingStillCountsAsFilteringTheBackendPort() {
        // what iptables -S INPUT prints on a node whose iptables lacks the xt_udp extension (seen on nspawn nodes)
        assertThat(dev.overlaylab.diagnose.rule.BackendPortFilteredRuleAccess.blocking("-P INPUT ACCEPT\n-A INPUT -p udp -j DROP\n", 8472))
                .hasValue("-A INPUT -p udp -j DROP");
        assertThat(dev.overlaylab.diagnose.rule.BackendPortFilteredRuleAccess.blocking(
                "-P INPUT ACCEPT\n-A INPUT -p udp -m udp --dport 53 -j DROP\n", 8472)).isEmpty();
        assertThat(dev.overlaylab.diagnose.rule.BackendPortFilteredRuleAccess.blocking(
                "-P INPUT DROP\n-A INPUT -p udp -m udp --dport 8472 -j ACCEPT\n", 8472)).isEmpty();
        assertThat(dev.overlaylab.diagnose.rule.BackendPortFilteredRuleAccess.blocking("-P INPUT DROP\n", 8472))
                .hasValue("-P INPUT DROP with no ACCEPT for udp 8472");
    }

    @Test
    void aFailedFlanneldIsItsOwnFindingWithSystemdsState() {
        FakeLab f = FakeLab.healthy();
        f.node("node2").services.put("flanneld", "failed");
        List<Finding> findings = diagnose(f);

        assertThat(findings).extracting(Finding::id).containsExactly("flanneld-down");
        assertThat(findings.get(0).cause()).startsWith("flanneld is not running on node2");
        assertThat(findings.get(0).evidence()).containsExactly("node2 flanneld-active FAIL: flanneld is failed, not active");
        assertThat(findings.get(0).repair().kind()).isEqualTo(Repair.Kind.ENGINE);
    }

    @Test
    void failuresWithNoKnownCauseGetOneUnexplainedFindingGroupedByPair() {
        FakeLab f = FakeLab.healthy();
        f.icmpLost.add("node1>node2");
        f.tcpLost.add("node1>node2");
        List<Finding> findings = diagnose(f);

        assertThat(findings).hasSize(1);
        Finding u = findings.get(0);
        assertThat(u.id()).isEqualTo(FailureMode.UNEXPLAINED);
        assertThat(u.failureMode()).isEmpty();
        assertThat(u.cause()).contains("no known cause fits").contains("the lowest layer failing is the overlay");
        assertThat(u.excerpts()).extracting(Excerpt::node).containsExactly("node1 → node2");
        assertThat(u.excerpts().get(0).text()).startsWith("ping-docker0, pod-ping, pod-http, mtu-probe failed; ping-docker0:");
        assertThat(u.fixable()).isFalse();
    }
}
