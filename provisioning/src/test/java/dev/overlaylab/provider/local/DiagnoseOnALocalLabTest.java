package dev.overlaylab.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.compose.DiagnoseAndFix;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.progress.ProgressListener;
import java.nio.file.Path;
import java.time.Duration;
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
    private static final String LAB = LabExam.twoNodeVxlanLab("oldgtest", "192.168.77", 31);

    @TempDir
    Path tmp;

    private LabExam exam;

    @Test
    void eachFaultMadeByHandGetsExactlyItsIdAndFixBringsTheMatrixBack() throws Exception {
        exam = LabExam.open(LAB, tmp, "diagnose", CMD);
        long t0 = System.nanoTime();
        try {
            exam.up("healthy lab", ProgressListener.NONE);
            // the moment up returns: a healthy lab has nothing to report
            exam.assertHealthy("right after up");

            // #14: a hardening file turns IP forwarding off, and sysctl --system applies it
            exam.sh("node1", "printf 'net.ipv4.ip_forward = 0\\n' > /etc/sysctl.d/90-hardening.conf && sysctl -q -w net.ipv4.ip_forward=0");
            Finding f = expect("ip-forward-off", "node1");
            assertThat(f.evidence()).anyMatch(e -> e.contains("/etc/sysctl.d/90-hardening.conf"));
            exam.fix(true, "--force");
            assertThat(exam.sh("node1", "sysctl -n net.ipv4.ip_forward").strip()).isEqualTo("1");
            exam.sh("node1", "rm -f /etc/sysctl.d/90-hardening.conf /etc/sysctl.d/99-overlay-lab-ip-forward.conf");

            // #4: a firewall's DROP for the pod network, inserted ahead of flannel's ACCEPTs
            exam.sh("node1", "iptables -I FORWARD -s 10.1.0.0/16 -j DROP");
            expect("forward-drop", "iptables -D FORWARD -s 10.1.0.0/16 -j DROP");
            // without --force, --fix leaves a rule the lab did not make alone and says so
            DiagnoseAndFix.FixReport held = exam.doctor.fix(exam.lab, exam.rendered, exam.rig.provider(),
                    exam.diagnose("--fix without --force").findings(), false, ProgressListener.NONE);
            assertThat(held.heldBack()).containsExactly("[forward-drop] on node1: iptables -D FORWARD -s 10.1.0.0/16 -j DROP");
            assertThat(held.after().findings()).extracting(Finding::id).containsExactly("forward-drop");
            exam.fix(true, "--force");

            // #13: flanneld disabled and stopped by hand (docker stops with it: Requires=)
            exam.sh("node1", "systemctl disable --now flanneld");
            f = expect("flanneld-down", "stopped and disabled");
            exam.fix(false, "up");
            assertThat(exam.sh("node1", "systemctl is-enabled flanneld; systemctl is-active flanneld docker")).isEqualTo("enabled\nactive\nactive\n");

            // #7: docker restarted without its drop-in; docker0 keeps flannel's address, only its MTU shows
            exam.sh("node1", "mv /etc/systemd/system/docker.service.d/10-flannel.conf /root/ && systemctl daemon-reload"
                    + " && systemctl restart docker");
            expect("docker-before-flannel", "without the flannel drop-in");
            exam.fix(false, "up");

            // #9: a firewall drops vxlan's UDP 8472 on node1
            exam.sh("node1", "iptables -I INPUT -p udp --dport 8472 -j DROP");
            expect("backend-port-blocked", "8472");
            exam.fix(true, "--force");

            // #2: docker told --mtu=1500 in the lab's own drop-in (up renders it again)
            exam.sh("node1", "sed -i 's/--mtu=${FLANNEL_MTU}/--mtu=1500/' /etc/systemd/system/docker.service.d/10-flannel.conf"
                    + " && systemctl daemon-reload && systemctl restart docker");
            expect("mtu-mismatch", "MTU");
            exam.fix(false, "up");
            System.out.printf("[diagnose] all faults: %d s%n", (System.nanoTime() - t0) / 1_000_000_000);
        } finally {
            exam.downAndCheckNothingLeft();
        }
    }

    /** Exactly one finding, with that id, whose cause, evidence or fix says the telling words. */
    private Finding expect(String id, String says) {
        Finding f = exam.expectOnly(id, id + " injected");
        assertThat(f.excerpts()).isNotEmpty();
        assertThat(LabExam.text(f)).contains(says);
        return f;
    }
}
