package dev.overlaylab.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.diagnose.Diagnoser;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.Observer;
import dev.overlaylab.diagnose.VerifyAndDiagnose;
import dev.overlaylab.etcd.Lease;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.VerifySettings;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.ssh.NodeShell;
import dev.overlaylab.testsupport.Prereq;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The matrix and the diagnoser on a real kernel data path: two "nodes" (network namespaces olt-v1, olt-v2 on a
 * veth pair, 10.200.3.1/.2), each with a docker0 bridge, a vxlan flannel.1 made exactly as flanneld's vxlan
 * backend makes it (VNI 1, port 8472, onlink route, permanent neighbour, fdb entry toward the peer), and a "pod"
 * namespace behind docker0 running busybox httpd. Then one iptables DROP at a time inside olt-v2, diagnosed.
 */
@Tag("integration")
class NetnsVerifyTest {
    private static final ProcessRunner RUN = new ProcessRunner();
    private static final String NET = "10.200.3.128/25";
    private static final String[] NS = {"olt-v1", "olt-v2"};
    private static final String[] POD_NS = {"olt-v1p", "olt-v2p"};
    private static final String[] HOST_IP = {"10.200.3.1", "10.200.3.2"};
    private static final String[] SUBNET = {"10.200.3.144", "10.200.3.160"};  // /28 leases
    private static final String[] DOCKER0 = {"10.200.3.145", "10.200.3.161"};
    private static final String[] POD_IP = {"10.200.3.146", "10.200.3.162"};
    private static final String[] VTEP_MAC = {"02:00:0a:c8:03:01", "02:00:0a:c8:03:02"};
    private static final List<Process> PROCESSES = new ArrayList<>();
    private static final List<Path> DIRS = new ArrayList<>();
    private static final long[] POD_PID = new long[2];

    @BeforeAll
    static void buildTwoNodes() throws IOException {
        Prereq.requireRoot();
        Prereq.requireProgram("ip");
        Prereq.requireProgram("iptables");
        Prereq.requireProgram("nsenter");
        Prereq.requireProgram("busybox");
        Path ping = Prereq.requireProgram("ping");
        Prereq.require(RUN.run(List.of(ping.toString(), "-V"), Duration.ofSeconds(5)).stdout().contains("iputils"),
                "needs iputils ping (-M do) on PATH: apt-get install iputils-ping");
        removeNamespaces();
        try {
            for (String ns : NS) {
                sh("ip", "netns", "add", ns);
            }
            for (String ns : POD_NS) {
                sh("ip", "netns", "add", ns);
            }
            sh("ip", "link", "add", "oltv1", "netns", NS[0], "type", "veth", "peer", "name", "oltv2", "netns", NS[1]);
            for (int i = 0; i < 2; i++) {
                buildNode(i);
            }
            for (int i = 0; i < 2; i++) {
                int peer = 1 - i;
                in(NS[i], "ip", "route", "add", SUBNET[peer] + "/28", "via", SUBNET[peer], "dev", "flannel.1", "onlink");
                in(NS[i], "ip", "neigh", "add", SUBNET[peer], "lladdr", VTEP_MAC[peer], "dev", "flannel.1", "nud", "permanent");
                in(NS[i], "bridge", "fdb", "append", VTEP_MAC[peer], "dev", "flannel.1", "dst", HOST_IP[peer]);
            }
        } catch (RuntimeException | IOException e) {
            tearDown();
            throw e;
        }
    }

    private static void buildNode(int i) throws IOException {
        String ns = NS[i];
        String veth = "oltv" + (i + 1);
        in(ns, "ip", "link", "set", "lo", "up");
        in(ns, "ip", "addr", "add", HOST_IP[i] + "/26", "dev", veth);
        in(ns, "ip", "link", "set", veth, "up");
        in(ns, "sysctl", "-qw", "net.ipv4.ip_forward=1");
        in(ns, "ip", "link", "add", "flannel.1", "type", "vxlan", "id", "1", "dstport", "8472", "local", HOST_IP[i],
                "dev", veth, "nolearning");
        in(ns, "ip", "link", "set", "flannel.1", "address", VTEP_MAC[i], "mtu", "1450", "up");
        in(ns, "ip", "addr", "add", SUBNET[i] + "/32", "dev", "flannel.1");
        in(ns, "ip", "link", "add", "docker0", "type", "bridge");
        in(ns, "ip", "addr", "add", DOCKER0[i] + "/28", "dev", "docker0");
        in(ns, "ip", "link", "set", "docker0", "mtu", "1450", "up");
        String pod = POD_NS[i];
        String podVeth = "oltv" + (i + 1) + "p";
        String bridgeVeth = "oltv" + (i + 1) + "b";
        sh("ip", "link", "add", podVeth, "netns", pod, "mtu", "1450", "type", "veth", "peer", "name", bridgeVeth, "netns", ns, "mtu", "1450");
        in(ns, "ip", "link", "set", bridgeVeth, "master", "docker0", "up");
        in(pod, "ip", "link", "set", "lo", "up");
        in(pod, "ip", "addr", "add", POD_IP[i] + "/28", "dev", podVeth);
        in(pod, "ip", "link", "set", podVeth, "up");
        in(pod, "ip", "route", "add", "default", "via", DOCKER0[i]);
        Path www = Files.createTempDirectory("olv-netns-www");
        DIRS.add(www);
        Files.writeString(www.resolve("index.html"), NodeCommands.httpBody("node" + (i + 1)) + "\n");
        // the pod's processes, as docker run would start them: a long sleep (its PID is the pod's) and httpd
        Process sleep = start("ip", "netns", "exec", pod, "sleep", "300");
        POD_PID[i] = sleep.pid();
        start("ip", "netns", "exec", pod, "busybox", "httpd", "-f", "-p", "8080", "-h", www.toString());
    }

    @AfterAll
    static void tearDown() {
        for (Process p : PROCESSES) {
            p.destroyForcibly();
        }
        PROCESSES.clear();
        removeNamespaces();
        for (Path d : DIRS) {
            try {
                Files.deleteIfExists(d.resolve("index.html"));
                Files.deleteIfExists(d);
            } catch (IOException e) {
                // a temp folder left behind is not worth failing the run for
            }
        }
    }

    private static void removeNamespaces() {
        for (String ns : List.of(NS[0], NS[1], POD_NS[0], POD_NS[1])) {
            RUN.run(List.of("ip", "netns", "del", ns), Duration.ofSeconds(10));
        }
    }

    private static Lab lab() {
        return TestLabs.lab("olv-netns", "hosts", "10.200.3.0/26", List.of(HOST_IP[0], HOST_IP[1]), NET, "vxlan",
                new VerifySettings(true, true, true, "olab/busybox"));
    }

    /** Node access over the namespaces; leases and the few systemd/etcd answers are what flanneld would have made. */
    private static NodeAccess access() {
        Lab lab = lab();
        return new NodeAccess() {
            @Override
            public NodeShell shell(String nodeName) {
                int i = nodeName.equals("node1") ? 0 : 1;
                return new NetnsNodeShell(nodeName, NS[i], POD_NS[i], POD_IP[i] + " " + POD_PID[i] + "\n", c -> canned(lab, i, c), RUN);
            }

            @Override
            public LeaseSource leases() {
                return () -> List.of(new Lease(SUBNET[0] + "/28", HOST_IP[0], "vxlan"), new Lease(SUBNET[1] + "/28", HOST_IP[1], "vxlan"));
            }
        };
    }

    private static Optional<String> canned(Lab lab, int i, String command) {
        if (command.startsWith("systemctl is-active ")) {
            return Optional.of("active\n".repeat(command.split(" ").length - 2));
        }
        if (command.equals(NodeCommands.subnetEnv())) {
            return Optional.of("FLANNEL_NETWORK=" + NET + "\nFLANNEL_SUBNET=" + DOCKER0[i] + "/28\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=false\n");
        }
        if (command.contains("endpoint health")) {
            return Optional.of("http://" + HOST_IP[i] + ":2379 is healthy: successfully committed proposal: took = 1.6ms\n");
        }
        if (command.equals(Observer.configV3(lab))) {
            return Optional.of(lab.etcd().configKey() + "\n{\"Network\":\"" + NET + "\",\"SubnetLen\":28,\"Backend\":{\"Type\":\"vxlan\"}}\n");
        }
        if (command.startsWith("ETCDCTL_API=2 ") || command.startsWith("ethtool ")) {
            return Optional.of("");
        }
        return Optional.empty();
    }

    private static VerifyAndDiagnose.Outcome verify() {
        return new VerifyAndDiagnose(new Verifier(), new Observer(Path.of("/nonexistent")), new Diagnoser())
                .run(lab(), access(), ProgressListener.NONE);
    }

    @Test
    void healthyVxlanBetweenTwoNamespacesPassesEveryCheckWithNoFinding() {
        var o = verify();

        assertThat(o.report().failures()).as("failures").isEmpty();
        assertThat(o.report().results()).allMatch(CheckResult::passed);
        assertThat(o.findings()).isEmpty();
        assertThat(o.report().find("pod-http", "node2", "node1").orElseThrow().summary()).contains("olab-verify node1");
        assertThat(o.report().find("mtu-probe", "node1", "node2").orElseThrow().evidence().get(0).output())
                .contains("1422(1450) bytes of data", "2 received");
        assertThat(o.elapsed()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void forwardPolicyDropInOneNamespaceIsDiagnosedAsFailureModeFour() {
        in(NS[1], "iptables", "-P", "FORWARD", "DROP");
        try {
            var o = verify();

            assertThat(o.report().find("forward-policy", "node2").orElseThrow().failed()).isTrue();
            assertThat(o.report().find("pod-ping", "node1", "node2").orElseThrow().failed()).isTrue();
            assertThat(o.report().find("ping-docker0", "node1", "node2").orElseThrow().passed()).isTrue();
            assertThat(o.findings()).extracting(Finding::failureMode).containsExactly(java.util.OptionalInt.of(4));
        } finally {
            in(NS[1], "iptables", "-P", "FORWARD", "ACCEPT");
        }
    }

    @Test
    void vxlanPortDroppedInOneNamespaceIsDiagnosedAsFailureModeNine() {
        List<String> rule = List.of("INPUT", "-p", "udp", "-m", "udp", "--dport", "8472", "-j", "DROP");
        List<String> add = new ArrayList<>(List.of("iptables", "-A"));
        add.addAll(rule);
        in(NS[1], add.toArray(String[]::new));
        try {
            var o = verify();

            assertThat(o.report().find("ping-host-only", "node1", "node2").orElseThrow().passed()).isTrue();
            assertThat(o.report().find("ping-docker0", "node1", "node2").orElseThrow().failed()).isTrue();
            assertThat(o.findings()).hasSize(1);
            Finding f = o.findings().get(0);
            assertThat(f.failureMode()).hasValue(9);
            assertThat(f.evidence()).contains("node2: -A INPUT -p udp -m udp --dport 8472 -j DROP (iptables -S INPUT)");
        } finally {
            List<String> del = new ArrayList<>(List.of("iptables", "-D"));
            del.addAll(rule);
            in(NS[1], del.toArray(String[]::new));
        }
    }

    private static void in(String ns, String... argv) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        cmd.addAll(List.of(argv));
        sh(cmd.toArray(String[]::new));
    }

    private static ExecResult sh(String... argv) {
        return RUN.run(List.of(argv), Duration.ofSeconds(10)).orThrow();
    }

    private static Process start(String... argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        PROCESSES.add(p);
        return p;
    }
}
