package dev.overlaylab.provider.local;

import dev.overlaylab.compose.Wiring;
import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.compose.DiagnoseAndFix;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code olab diagnose} and {@code --fix} on a real two-node vxlan lab (nspawn nodes). Each fault is made by
 * this test's own commands inside a node, the way a person or a hardening script makes it (never by olab);
 * diagnose must report exactly that id and nothing else; {@code --fix} (with {@code --force} where the fault
 * is in something the lab did not make) must bring the matrix back to green with no finding. The lab comes
 * up once; the faults are injected and repaired in turn. Rows 1, 2, 5, 6, 8 and 9 are also covered, through
 * {@code up}, by {@code FaultsOnALocalLabTest}; #3, #10 and #12 are refused by validation; #11 cannot be made here.
 */
@Tag("integration")
class DiagnoseOnALocalLabTest {
    private static final Duration CMD = Duration.ofSeconds(30);
    private static final String LAB = """
            name: oldgtest
            provider: local
            profile: debian-12-nspawn
            network:
              cidr: 192.168.77.0/24
            nodes:
              - {name: master, ip: 192.168.77.31}
              - {name: node1, ip: 192.168.77.32}
            flannel:
              version: 0.28.9
              network: 10.1.0.0/16
              subnetLen: 24
              backend: {type: vxlan, VNI: 1, Port: 8472}
              binary: {file: %s}
            docker:
              mtu: flannel
            verify: {pods: true, http: true, mtuProbe: true}
            """.formatted(LocalLabRig.FLANNELD);

    @TempDir
    Path tmp;

    private Lab lab;
    private LocalLabRig rig;
    private DiagnoseAndFix doctor;
    private RenderedLab rendered;

    @Test
    void eachFaultMadeByHandGetsExactlyItsIdAndFixBringsTheMatrixBack() throws Exception {
        lab = LabLoader.parse(LAB, Optional.empty());
        rig = LocalLabRig.open(lab, tmp);
        doctor = new DiagnoseAndFix(rig.shells(), Wiring.ETCD.ports(), rig.engine());
        rendered = Renderer.builtIn().render(lab, Profiles.of(lab));
        long t0 = System.nanoTime();
        try {
            RunResult up = rig.engine().up(lab, rendered, rig.provider(), RunOptions.defaults(), ProgressListener.NONE);
            assertThat(up.failures()).as(up.failures().stream().map(Failure::describe).collect(Collectors.joining("\n"))).isEmpty();
            // the moment up returns: a healthy lab has nothing to report
            assertHealthy(doctor.diagnose(lab, rig.provider(), ProgressListener.NONE), "right after up");

            // #14: a hardening file turns IP forwarding off, and sysctl --system applies it
            sh("node1", "printf 'net.ipv4.ip_forward = 0\\n' > /etc/sysctl.d/90-hardening.conf && sysctl -q -w net.ipv4.ip_forward=0");
            Finding f = expect("ip-forward-off", "node1");
            assertThat(f.evidence()).anyMatch(e -> e.contains("/etc/sysctl.d/90-hardening.conf"));
            fix(true);
            assertThat(sh("node1", "sysctl -n net.ipv4.ip_forward").strip()).isEqualTo("1");
            sh("node1", "rm -f /etc/sysctl.d/90-hardening.conf /etc/sysctl.d/99-overlay-lab-ip-forward.conf");

            // #4: a firewall's DROP for the pod network, inserted ahead of flannel's ACCEPTs
            sh("node1", "iptables -I FORWARD -s 10.1.0.0/16 -j DROP");
            expect("forward-drop", "iptables -D FORWARD -s 10.1.0.0/16 -j DROP");
            // without --force, --fix leaves a rule the lab did not make alone and says so
            DiagnoseAndFix.FixReport held = doctor.fix(lab, rendered, rig.provider(), current().findings(), false, ProgressListener.NONE);
            assertThat(held.heldBack()).containsExactly("[forward-drop] on node1: iptables -D FORWARD -s 10.1.0.0/16 -j DROP");
            assertThat(held.after().findings()).extracting(Finding::id).containsExactly("forward-drop");
            fix(true);

            // #13: flanneld disabled and stopped by hand (docker stops with it: Requires=)
            sh("node1", "systemctl disable --now flanneld");
            f = expect("flanneld-down", "stopped and disabled");
            fix(false);
            assertThat(sh("node1", "systemctl is-enabled flanneld; systemctl is-active flanneld docker")).isEqualTo("enabled\nactive\nactive\n");

            // #7: docker restarted without its drop-in; docker0 keeps flannel's address, only its MTU shows
            sh("node1", "mv /etc/systemd/system/docker.service.d/10-flannel.conf /root/ && systemctl daemon-reload"
                    + " && systemctl restart docker");
            expect("docker-before-flannel", "without the flannel drop-in");
            fix(false);

            // #9: a firewall drops vxlan's UDP 8472 on node1
            sh("node1", "iptables -I INPUT -p udp --dport 8472 -j DROP");
            expect("backend-port-blocked", "8472");
            fix(true);

            // #2: docker told --mtu=1500 in the lab's own drop-in (up renders it again)
            sh("node1", "sed -i 's/--mtu=${FLANNEL_MTU}/--mtu=1500/' /etc/systemd/system/docker.service.d/10-flannel.conf"
                    + " && systemctl daemon-reload && systemctl restart docker");
            expect("mtu-mismatch", "MTU");
            fix(false);
            System.out.printf("[diagnose] all faults: %d s%n", (System.nanoTime() - t0) / 1_000_000_000);
        } finally {
            rig.provider().down(lab, ProgressListener.NONE);
        }
        assertThat(java.nio.file.Files.exists(rig.names().labDir())).isFalse();
    }

    private Outcome current() {
        return doctor.diagnose(lab, rig.provider(), ProgressListener.NONE);
    }

    /** Exactly one finding, with that id, whose cause, evidence or fix says the telling words. */
    private Finding expect(String id, String says) {
        Outcome o = current();
        String shown = o.findings().stream().map(DiagnoseOnALocalLabTest::show).collect(Collectors.joining("\n"));
        System.out.printf("[diagnose] %s: %d ms, %d failed checks%n%s%n", id, o.elapsed().toMillis(), o.report().failures().size(), shown);
        assertThat(o.passed()).as(id + " injected: some check must fail").isFalse();
        assertThat(o.findings()).as(shown).extracting(Finding::id).containsExactly(id);
        Finding f = o.findings().get(0);
        assertThat(f.cause()).doesNotContain("\n");
        assertThat(f.excerpts()).isNotEmpty();
        assertThat(f.cause() + "\n" + String.join("\n", f.evidence()) + "\n" + f.fix()).contains(says);
        return f;
    }

    /** What olab diagnose --fix [--force] does; the matrix after it must be green with no finding. */
    private void fix(boolean force) {
        long t = System.nanoTime();
        DiagnoseAndFix.FixReport r = doctor.fix(lab, rendered, rig.provider(), current().findings(), force, ProgressListener.NONE);
        System.out.printf("[diagnose] fix%s: %d ms, applied %s, up %s%n", force ? " --force" : "", (System.nanoTime() - t) / 1_000_000,
                r.applied().stream().map(a -> a.node() + ": " + a.command() + " → " + a.result().exitCode()).toList(),
                r.up().map(RunResult::summary).orElse("not run"));
        r.applied().forEach(a -> assertThat(a.result().exitCode()).as(a.command()).isZero());
        r.up().ifPresent(u -> assertThat(u.failures()).as(u.failures().stream().map(Failure::describe)
                .collect(Collectors.joining("\n"))).isEmpty());
        assertHealthy(r.after(), "after the fix");
    }

    private static void assertHealthy(Outcome o, String when) {
        assertThat(o.report().failures()).as(when + ": failed checks").isEmpty();
        assertThat(o.findings()).as(when + ": findings " + o.findings().stream().map(DiagnoseOnALocalLabTest::show).toList()).isEmpty();
    }

    private static String show(Finding f) {
        return "  [" + f.id() + "] " + f.cause() + "\n" + f.evidence().stream().map(e -> "      " + e + "\n").collect(Collectors.joining())
                + "    fix: " + f.fix();
    }

    /** Runs a command line as root on the node over SSH; it must succeed. Returns stdout. */
    private String sh(String node, String command) {
        var n = rig.provider().endpoints(lab).stream().filter(e -> e.name().equals(node)).findFirst().orElseThrow();
        try (NodeShell s = rig.shells().open(lab, n)) {
            ExecResult r = s.exec(command, CMD);
            assertThat(r.exitCode()).as(node + ": " + command + "\n" + r.stdout() + r.stderr()).isZero();
            return r.stdout();
        }
    }
}
