package dev.overlaylab.verify.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.verify.Probe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the node script with the real {@code /bin/sh}, with {@code curl}, {@code ip} and {@code systemctl} replaced
 * by small hand-written scripts on PATH (no network is touched): the script's own logic — requests in parallel,
 * one line each, the pod's network namespace found by its address — is what is under test, and its output is
 * read back by {@link NodeKubeFacts}.
 */
class NodeScriptTest {
    /** The gauge line of a kube-proxy that has synced, as a local lab node's kube-proxy v1.37.2 printed it (2026-11-28). */
    private static final String SYNCED = NodeScript.SYNCED_SAMPLE + " 1.7958908520543306e+09";

    @TempDir
    Path bin;

    private void tool(String name, String body) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private NodeKubeFacts run(String script) {
        ExecResult r = new ProcessRunner().run(List.of("/bin/sh", "-c", script), Map.of("PATH", bin + ":/usr/bin:/bin"),
                Duration.ofSeconds(20));
        assertThat(r.stderr()).isEmpty();
        return NodeKubeFacts.parse("node2", new Probe(script, r, Duration.ZERO));
    }

    @Test
    void everyRequestComesBackAsOneLineAndThePodNamespaceIsFoundByItsAddress() throws IOException {
        // the ClusterIP answers from node2's own pod only, as with seed 004's fault; pods and NodePorts answer
        tool("systemctl", "[ \"$1\" = is-active ] && { [ \"$2\" = kube-proxy ] && echo inactive && exit 3; echo active; }\n");
        tool("curl", """
                for a; do url=$a; done
                case "$url" in
                  *10.96.0.1:443*) printf 401; exit 0 ;;
                  *10.96.44.5*) if [ $(od -An -N1 -tu1 /dev/urandom) -lt 128 ]; then echo "olab-k8s node2"; exit 0; fi
                                echo "curl: (28) Connection timed out after 2001 milliseconds" >&2; exit 28 ;;
                  *192.168.84.11:31080*) echo "olab-k8s node1"; exit 0 ;;
                  *192.168.84.12:31080*) echo "olab-k8s node2"; exit 0 ;;
                  *10.84.7.130:8080*) [ "$OLAB_NETNS" = cni-77 ] && echo "olab-k8s node1" && exit 0; exit 7 ;;
                esac
                echo "curl: (7) Failed to connect" >&2; exit 7
                """);
        tool("ip", """
                case "$*" in
                  "netns list") echo "cni-12 (id: 1)"; echo "cni-77 (id: 0)" ;;
                  "-n cni-77 -o -4 addr show") echo "3: eth0    inet 10.84.9.131/24 brd 10.84.9.255 scope global eth0" ;;
                  "-n cni-12 -o -4 addr show") echo "3: eth0    inet 10.84.9.140/24 brd 10.84.9.255 scope global eth0" ;;
                  "netns exec cni-77 curl"*) shift 3; OLAB_NETNS=cni-77 exec curl "$@" ;;
                  *) exit 1 ;;
                esac
                """);
        String script = NodeScript.render(List.of("kubelet", "kube-proxy"), Optional.of("10.96.44.5"), Optional.of(31080),
                List.of("192.168.84.11", "192.168.84.12"), Optional.of("10.84.9.131"), List.of("10.84.7.130"), Optional.of("10.96.0.1"),
                List.of("10.84.9.131", "10.84.7.130"));

        NodeKubeFacts f = run(script);

        assertThat(f.units()).containsEntry("kubelet", "active").containsEntry("kube-proxy", "inactive");
        assertThat(f.rules()).as("kube-proxy is not running: nothing to wait for").isEmpty();
        assertThat(f.podNetns()).contains("cni-77");
        assertThat(f.of("clusterip")).hasSize(NodeScript.CLUSTER_IP_TRIES)
                .allMatch(a -> a.answered() ? a.answeredBy().orElseThrow().equals("node2") : a.exit() == 28);
        assertThat(f.of("nodeport", "192.168.84.11")).hasSize(NodeScript.NODE_PORT_TRIES).allMatch(NodeKubeFacts.Attempt::answered);
        assertThat(f.of("pod", "10.84.7.130")).singleElement().satisfies(a -> assertThat(a.answeredBy()).contains("node1"));
        assertThat(f.of("apiserver", "10.96.0.1")).singleElement().satisfies(a -> {
            assertThat(a.exit()).isZero();
            assertThat(a.output()).isEqualTo("401");
        });
    }

    @Test
    void withoutAPodOrServiceAddressesOnlyTheUnitsAreAsked() throws IOException {
        tool("systemctl", "echo failed; exit 3\n");
        tool("curl", "echo called >&2; exit 99\n");
        NodeKubeFacts f = run(NodeScript.render(List.of("kubelet"), Optional.empty(), Optional.empty(), List.of("192.168.84.11"),
                Optional.empty(), List.of(), Optional.empty(), List.of()));
        assertThat(f.units()).containsEntry("kubelet", "failed");
        assertThat(f.rules()).isEmpty();
        assertThat(f.attempts()).isEmpty();
        assertThat(f.podNetns()).isEmpty();
    }

    /**
     * kube-proxy writes the apiserver Service's rule on its second rules read and the second pod's on its third (a
     * counter file stands for time passing): no request may be made before both, and the wait is reported. The
     * olab-verify lines are kube-proxy's own form ({@code iptables-save -t nat} on a local lab node, v1.37.2,
     * 2026-11-28); the apiserver's line is hand-written with its comment unquoted, the other form iptables builds print.
     */
    @Test
    void theRequestsWaitUntilKubeProxysRulesLeadToEveryReadyPodAndToTheApiserver() throws IOException {
        Path reads = bin.resolve("reads");
        tool("systemctl", "echo active\n");
        tool("iptables-save", """
                n=$(cat %1$s 2>/dev/null || echo 0); n=$((n+1)); echo $n > %1$s
                echo '-A KUBE-SEP-AAAA -p tcp -m comment --comment "olab-verify/olab-verify" -m tcp -j DNAT --to-destination 10.84.9.131:8080'
                echo '-A KUBE-SEP-CCCC -p tcp -m comment --comment "olab-verify/olab-verify-nodeport" -m tcp -j DNAT --to-destination 10.84.7.130:8080'
                [ $n -ge 2 ] && echo '-A KUBE-SEP-KKKK -p tcp -m comment --comment default/kubernetes:https -m tcp -j DNAT --to-destination 192.168.84.11:6443'
                [ $n -ge 3 ] && echo '-A KUBE-SEP-BBBB -p tcp -m comment --comment "olab-verify/olab-verify" -m tcp -j DNAT --to-destination 10.84.7.130:8080'
                exit 0
                """.formatted(reads));
        tool("curl", "for a; do url=$a; done; case \"$url\" in *10249/metrics) echo '" + SYNCED + "'; exit 0 ;; esac\n"
                + "[ $(cat " + reads + ") -ge 3 ] || { echo 'curl: (7) Failed to connect' >&2; exit 7; }\n"
                + "case \"$url\" in *10.96.0.1:443*) printf 401 ;; *) echo 'olab-k8s node1' ;; esac\n");
        NodeKubeFacts f = run(NodeScript.render(List.of("kube-proxy"), Optional.of("10.96.44.5"), Optional.empty(), List.of(),
                Optional.empty(), List.of(), Optional.of("10.96.0.1"), List.of("10.84.9.131", "10.84.7.130")));
        assertThat(f.rules()).contains(new NodeKubeFacts.RulesWait(0, 3, 2, true));
        assertThat(f.of("apiserver", "10.96.0.1")).singleElement().extracting(NodeKubeFacts.Attempt::output).isEqualTo("401");
        assertThat(f.of("clusterip")).hasSize(NodeScript.CLUSTER_IP_TRIES).allMatch(NodeKubeFacts.Attempt::answered);
        assertThat(f.rules().get().describe()).isEqualTo("kube-proxy's rules led to all 3 expected endpoints (waited 0.2 s)");
    }

    /**
     * Every rule is in place from the first read, but they are the previous kube-proxy's: the running one (just
     * restarted) shows its first IPv4 sync in its metrics on the third ask (its IPv6 proxier synced earlier). The
     * requests wait for it.
     */
    @Test
    void rulesLeftByTheKubeProxyBeforeDoNotEndTheWait() throws IOException {
        Path asks = bin.resolve("asks");
        tool("systemctl", "echo active\n");
        tool("iptables-save", "echo '-A KUBE-SEP-AAAA -p tcp -m comment --comment \"olab-verify/olab-verify\" -m tcp -j DNAT"
                + " --to-destination 10.84.9.131:8080'\n"
                + "echo '-A KUBE-SEP-KKKK -p tcp -m comment --comment \"default/kubernetes:https\" -m tcp -j DNAT"
                + " --to-destination 192.168.84.11:6443'\n");
        tool("curl", "for a; do url=$a; done; n=$(cat " + asks + " 2>/dev/null || echo 0)\n"
                + "case \"$url\" in *10249/metrics) n=$((n+1)); echo $n > " + asks + "\n"
                + "  echo '" + NodeScript.SYNCED_METRIC + "{ip_family=\"IPv6\"} 1.79e+09'; [ $n -ge 3 ] && echo '" + SYNCED + "'; exit 0 ;; esac\n"
                + "[ $n -ge 3 ] || { echo 'curl: (28) Connection timed out' >&2; exit 28; }\n"
                + "case \"$url\" in *10.96.0.1:443*) printf 401 ;; *) echo 'olab-k8s node1' ;; esac\n");
        NodeKubeFacts f = run(NodeScript.render(List.of("kube-proxy"), Optional.of("10.96.44.5"), Optional.empty(), List.of(),
                Optional.empty(), List.of(), Optional.of("10.96.0.1"), List.of("10.84.9.131")));
        assertThat(f.rules()).contains(new NodeKubeFacts.RulesWait(0, 2, 2, true));
        assertThat(f.of("clusterip")).hasSize(NodeScript.CLUSTER_IP_TRIES).allMatch(NodeKubeFacts.Attempt::answered);
        assertThat(f.of("apiserver", "10.96.0.1")).singleElement().extracting(NodeKubeFacts.Attempt::output).isEqualTo("401");
    }

    /** The NodePort Service has its own EndpointSlice: its rule for the second pod comes on the third read, later than the ClusterIP's. */
    @Test
    void theNodePortsRulesAreWaitedForToo() throws IOException {
        Path reads = bin.resolve("reads");
        tool("systemctl", "echo active\n");
        tool("iptables-save", "n=$(cat " + reads + " 2>/dev/null || echo 0); n=$((n+1)); echo $n > " + reads + "\n"
                + "for p in 10.84.9.131 10.84.7.130; do echo \"-A KUBE-SEP-$p -p tcp -m comment --comment \\\"olab-verify/olab-verify\\\" -m tcp"
                + " -j DNAT --to-destination $p:8080\"; done\n"
                + "echo '-A KUBE-SEP-CCCC -p tcp -m comment --comment \"olab-verify/olab-verify-nodeport\" -m tcp -j DNAT --to-destination 10.84.9.131:8080'\n"
                + "[ $n -ge 3 ] && echo '-A KUBE-SEP-DDDD -p tcp -m comment --comment \"olab-verify/olab-verify-nodeport\" -m tcp -j DNAT"
                + " --to-destination 10.84.7.130:8080'\nexit 0\n");
        tool("curl", "for a; do url=$a; done; case \"$url\" in *10249/metrics) echo '" + SYNCED + "'; exit 0 ;; esac\n"
                + "[ $(cat " + reads + ") -ge 3 ] || { echo 'curl: (7) Failed to connect' >&2; exit 7; }\n"
                + "echo 'olab-k8s node1'\n");
        NodeKubeFacts f = run(NodeScript.render(List.of("kube-proxy"), Optional.of("10.96.44.5"), Optional.of(31080),
                List.of("192.168.84.11"), Optional.empty(), List.of(), Optional.empty(), List.of("10.84.9.131", "10.84.7.130")));
        assertThat(f.rules()).contains(new NodeKubeFacts.RulesWait(0, 4, 2, true));
        assertThat(f.of("nodeport", "192.168.84.11")).hasSize(NodeScript.NODE_PORT_TRIES).allMatch(NodeKubeFacts.Attempt::answered);
    }

    @Test
    void aKubeProxyThatNeverSyncsStopsTheWaitAtItsBoundAndIsNamed() throws IOException {
        tool("systemctl", "echo active\n");
        tool("iptables-save", "echo '-A KUBE-SEP-KKKK -p tcp -m comment --comment \"default/kubernetes:https\" -m tcp -j DNAT"
                + " --to-destination 192.168.84.11:6443'\n");
        tool("curl", "for a; do url=$a; done; case \"$url\" in *10249/metrics) echo 'curl: (7) Failed to connect' >&2; exit 7 ;; esac\n"
                + "printf 401\n");
        NodeKubeFacts f = run(NodeScript.render(List.of("kube-proxy"), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), List.of(), Optional.of("10.96.0.1"), List.of()));
        assertThat(f.rules()).contains(new NodeKubeFacts.RulesWait(0, 1, NodeScript.RULES_WAIT_TENTHS, false));
        assertThat(f.rules().get().describe()).isEqualTo("kube-proxy's rules led to all 1 expected endpoints (waited 6.0 s);"
                + " the running kube-proxy had not yet written rules of its own (no sync in its metrics)");
    }

    @Test
    void rulesThatNeverComeStopTheWaitAtItsBoundAndSaySo() throws IOException {
        tool("systemctl", "echo active\n");
        tool("iptables-save", "exit 0\n");
        tool("curl", "echo 'curl: (7) Failed to connect' >&2; exit 7\n");
        NodeKubeFacts f = run(NodeScript.render(List.of("kube-proxy"), Optional.of("10.96.44.5"), Optional.empty(), List.of(),
                Optional.empty(), List.of(), Optional.of("10.96.0.1"), List.of("10.84.9.131")));
        assertThat(f.rules()).contains(new NodeKubeFacts.RulesWait(2, 2, NodeScript.RULES_WAIT_TENTHS, false));
        assertThat(f.rules().get().describe()).isEqualTo("kube-proxy's rules still missed 2 of 2 expected endpoints after 6.0 s;"
                + " the running kube-proxy had not yet written rules of its own (no sync in its metrics)");
        assertThat(f.of("clusterip")).hasSize(NodeScript.CLUSTER_IP_TRIES).noneMatch(NodeKubeFacts.Attempt::answered);
    }

    @Test
    void rulesThatCannotBeReadAreNotWaitedForNorBlamedOnKubeProxy() throws IOException {
        tool("systemctl", "echo active\n");
        tool("iptables-save", "echo 'iptables-save: permission denied' >&2; exit 1\n");
        tool("curl", "echo 'olab-k8s node1'\n");
        long t0 = System.nanoTime();
        NodeKubeFacts f = run(NodeScript.render(List.of("kube-proxy"), Optional.of("10.96.44.5"), Optional.empty(), List.of(),
                Optional.empty(), List.of(), Optional.empty(), List.of("10.84.9.131")));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(f.rules()).isEmpty();
        assertThat(f.of("clusterip")).hasSize(NodeScript.CLUSTER_IP_TRIES).allMatch(NodeKubeFacts.Attempt::answered);
        assertThat(ms).as("no 6 s wait").isLessThan(3000);
    }
}
