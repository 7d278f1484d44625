package dev.overlaylab.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.verify.FakeLab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules that name a root cause from the evidence script (rows 4 by chain order, 7 from dockerd's command
 * line, 13, 14), on the fake two-node lab whose nodes also answer the script's sections. Every lab here
 * starts from one whose sections all read healthy (real recorded filter table, dockerd with its drop-in,
 * ip_forward 1, units active) and breaks one thing.
 */
class RootCauseRulesTest {
    private static final String HEALTHY_FILTER = resource("/diagnose/iptables-S-healthy-node.txt");

    /** A healthy lab whose nodes answer every section of the evidence script the way real healthy nodes do. */
    static FakeLab healthy() {
        FakeLab f = FakeLab.healthy();
        for (String n : List.of("node1", "node2")) {
            String subnet = f.node(n).subnet;
            section(f, n, Observer.FILTER, HEALTHY_FILTER);
            section(f, n, Observer.IP_FORWARD, "1\n");
            section(f, n, Observer.DOCKERD, "/usr/sbin/dockerd -H fd:// --bip=" + subnet + " --mtu=1450\n");
            section(f, n, Observer.UNITS, units(n.equals("node1"), "active", "running", "enabled"));
        }
        return f;
    }

    static String units(boolean etcd, String active, String sub, String enabled) {
        String flanneld = "Id=flanneld.service\nActiveState=" + active + "\nSubState=" + sub + "\nNRestarts=0\nUnitFileState=" + enabled
                + "\nDropInPaths=\n";
        String docker = "Id=docker.service\nActiveState=active\nSubState=running\nNRestarts=0\nUnitFileState=enabled\n"
                + "DropInPaths=/etc/systemd/system/docker.service.d/10-flannel.conf\n";
        String etcdUnit = "Id=etcd.service\nActiveState=active\nSubState=running\nNRestarts=0\nUnitFileState=enabled\nDropInPaths=\n";
        return (etcd ? etcdUnit + "\n" : "") + flanneld + "\n" + docker;
    }

    /** Answers the section's command on that node (the command as the observer builds it for this lab). */
    static void section(FakeLab f, String node, String section, String stdout) {
        var lab = f.lab();
        var n = lab.nodes().stream().filter(x -> x.name().equals(node)).findFirst().orElseThrow();
        String command = Observer.sections(lab, n).stream().filter(s -> s.name().equals(section)).findFirst().orElseThrow().command();
        f.node(node).extra.put(command, stdout);
    }

    private static void podTrafficLost(FakeLab f) {
        for (String k : List.of("node1>node2", "node2>node1")) {
            f.icmpLost.add(k);
            f.tcpLost.add(k);
            f.bigLost.add(k);
        }
    }

    @Test
    void healthyLabWithEveryEvidenceSectionHasNoFindings() {
        assertThat(DiagnoserTest.diagnose(healthy())).isEmpty();
    }

    @Test
    void aDropAheadOfFlannelsAcceptsIsForwardDropWithItsRuleAndItsRemoval() {
        FakeLab f = healthy();
        section(f, "node2", Observer.FILTER, HEALTHY_FILTER.replace("-A FORWARD -j DOCKER-USER\n",
                "-A FORWARD -s 10.1.0.0/16 -j DROP\n-A FORWARD -j DOCKER-USER\n"));
        podTrafficLost(f);

        List<Finding> findings = DiagnoserTest.diagnose(f);

        assertThat(findings).extracting(Finding::id).containsExactly("forward-drop");
        Finding d = findings.get(0);
        assertThat(d.excerpts().get(0)).extracting(Excerpt::node, Excerpt::command).containsExactly("node2", "iptables -S");
        assertThat(d.excerpts().get(0).text()).startsWith("-A FORWARD -s 10.1.0.0/16 -j DROP");
        assertThat(d.repair().kind()).isEqualTo(Repair.Kind.FORCE);
        assertThat(d.repair().commands()).isEqualTo(Map.of("node2", List.of("iptables -D FORWARD -s 10.1.0.0/16 -j DROP")));
    }

    @Test
    void aRejectInDockerUserCountsTooButADropBehindTheAcceptsDoesNot() {
        FakeLab f = healthy();
        section(f, "node2", Observer.FILTER, HEALTHY_FILTER.replace("-A DOCKER-USER -j RETURN\n",
                "-A DOCKER-USER -d 10.1.0.0/16 -j REJECT --reject-with icmp-port-unreachable\n-A DOCKER-USER -j RETURN\n"));
        podTrafficLost(f);
        assertThat(DiagnoserTest.diagnose(f)).extracting(Finding::id).containsExactly("forward-drop");

        FakeLab behind = healthy();
        section(behind, "node2", Observer.FILTER, HEALTHY_FILTER + "-A FORWARD -s 10.1.0.0/16 -j DROP\n");
        podTrafficLost(behind);
        // the packets never reach that DROP: whatever loses them, it is not this rule (so: unexplained, never #4)
        assertThat(DiagnoserTest.diagnose(behind)).extracting(Finding::id).containsExactly(FailureMode.UNEXPLAINED);
    }

    @Test
    void dockerWithoutItsDropInIsNamedAboveItsMtu() {
        FakeLab f = healthy().mtuMismatch();
        section(f, "node2", Observer.DOCKERD, "/usr/sbin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock\n");

        List<Finding> findings = DiagnoserTest.diagnose(f);

        assertThat(findings).extracting(Finding::id).containsExactly("docker-before-flannel");
        assertThat(findings.get(0).cause()).contains("node2").contains("without the flannel drop-in");
        assertThat(findings.get(0).repair().kind()).isEqualTo(Repair.Kind.ENGINE);
    }

    @Test
    void mtuPinnedInTheDropInStaysAnMtuFinding() {
        FakeLab f = healthy().mtuMismatch();
        section(f, "node2", Observer.DOCKERD, "/usr/sbin/dockerd -H fd:// --bip=10.1.77.1/24 --mtu=1500\n");

        assertThat(DiagnoserTest.diagnose(f)).extracting(Finding::id).containsExactly("mtu-mismatch");
    }

    @Test
    void ipForwardOffIsNamedWithTheFileThatSetsIt() {
        FakeLab f = healthy();
        section(f, "node2", Observer.IP_FORWARD, "0\n");
        section(f, "node2", Observer.SYSCTL_FILES, "/etc/sysctl.d/90-hardening.conf:net.ipv4.ip_forward = 0\n");
        podTrafficLost(f);

        List<Finding> findings = DiagnoserTest.diagnose(f);

        assertThat(findings).extracting(Finding::id).containsExactly("ip-forward-off");
        assertThat(findings.get(0).evidence()).anyMatch(e -> e.contains("/etc/sysctl.d/90-hardening.conf:net.ipv4.ip_forward = 0"));
        assertThat(findings.get(0).repair().commands().get("node2")).first().isEqualTo("sysctl -w net.ipv4.ip_forward=1");
    }

    @Test
    void flanneldDisabledAndStoppedIsFlanneldDownWithSystemdsWord() {
        FakeLab f = healthy();
        f.node("node2").services.put("flanneld", "inactive");
        section(f, "node2", Observer.UNITS, units(false, "inactive", "dead", "disabled"));

        List<Finding> findings = DiagnoserTest.diagnose(f);

        assertThat(findings).extracting(Finding::id).containsExactly("flanneld-down");
        assertThat(findings.get(0).cause()).isEqualTo("flanneld is not running on node2: stopped and disabled (not a crash: systemd stopped it)");
    }

    @Test
    void aCrashingFlanneldCarriesTheJournalsReason() {
        FakeLab f = healthy();
        f.node("node2").services.put("flanneld", "activating");
        section(f, "node2", Observer.UNITS, units(false, "activating", "auto-restart", "enabled"));
        section(f, "node2", Observer.JOURNAL, "E1128 10:01:02.000000     267 main.go:335] Failed to find interface to use that matches the interfaces and/or regexes provided\n");

        List<Finding> findings = DiagnoserTest.diagnose(f);

        assertThat(findings).extracting(Finding::id).containsExactly("flanneld-down");
        assertThat(findings.get(0).cause()).contains("its interface is missing: E1128");
    }

    @Test
    void flanneldKeptFromEtcdIsEtcdsFindingAlone() {
        FakeLab f = healthy().etcdLoopbackOnly();
        section(f, "node2", Observer.UNITS, units(false, "activating", "start", "enabled"));

        assertThat(DiagnoserTest.diagnose(f)).extracting(Finding::id).containsExactly("etcd-localhost");
    }

    private static String resource(String name) {
        try (var in = RootCauseRulesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
