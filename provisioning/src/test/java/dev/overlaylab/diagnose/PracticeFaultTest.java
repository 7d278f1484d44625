package dev.overlaylab.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.verify.FakeLab;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Practice mode's catalogue: every fault names a real id, fills in the lab's values, and records itself. */
class PracticeFaultTest {

    @Test
    void everyFaultIsARowOfTheTableAndTheForcedOnesAreTheOnesTheLabDidNotMake() {
        for (PracticeFault f : PracticeFault.values()) {
            assertThat(FailureMode.ofId(f.id())).as(f.id()).isPresent();
        }
        assertThat(List.of(PracticeFault.values()).stream().filter(PracticeFault::needsForce).map(PracticeFault::id))
                .containsExactly("ip-forward-off", "forward-drop", "backend-port-blocked");
    }

    @Test
    void commandsCarryTheLabsNetworkAndPortAndHostGwHasNoPortToBlock() {
        var lab = FakeLab.healthy().lab();
        assertThat(PracticeFault.FORWARD_DROP.command(lab)).startsWith("iptables -I FORWARD -s 10.1.0.0/16 -j DROP && ");
        assertThat(PracticeFault.BACKEND_PORT_BLOCKED.command(lab)).startsWith("iptables -I INPUT -p udp --dport 8472 -j DROP && ");
        assertThat(PracticeFault.BACKEND_PORT_BLOCKED.appliesTo(FakeLab.healthy().backend("host-gw").lab())).isFalse();
        assertThat(PracticeFault.FLANNELD_DOWN.defaultNode(lab).name()).isEqualTo("node2");
    }

    @Test
    void theRecordLineIsWrittenVerbatimByARealShell(@TempDir Path tmp) throws Exception {
        var lab = FakeLab.healthy().lab();
        // the fault's own command replaced by true, the log moved under tmp: what is left is the recording
        String cmd = PracticeFault.MTU_MISMATCH.command(lab);
        String fault = cmd.substring(0, cmd.indexOf(" && mkdir -p "));
        String script = cmd.replace(fault, "true").replace(PracticeFault.LOG, tmp.resolve("practice.log").toString())
                .replace("mkdir -p /var/lib/overlay-lab", "mkdir -p " + tmp);
        var r = new ProcessRunner().run(List.of("sh", "-c", script), Map.of(), Duration.ofSeconds(10));

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(java.nio.file.Files.readString(tmp.resolve("practice.log")))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ olab break mtu-mismatch: \\Q" + fault + "\\E\n");
    }
}
