package dev.overlaylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.engine.Failure;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.engine.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressOutputTest {
    final StringWriter buf = new StringWriter();
    final PrintWriter out = new PrintWriter(buf);

    static final Failure FLANNEL_FAILED = new Failure("flanneld", "node2", "flannel service", "flanneld did not start (exit 1)",
            "systemctl restart flanneld", "Job for flanneld.service failed.\nfailed to find interface enp0s8",
            "read the journal lines above");

    @Test
    void finishedStepsPrintOneLineEachWithTheirDuration() {
        ProgressPrinter p = new ProgressPrinter(out, false);
        p.on(ProgressEvent.of("base", "node1", "hostname", Status.STARTED, ""));
        p.on(new ProgressEvent("base", "node1", "hostname", Status.CHANGED, Duration.ofMillis(42), "debian → node1"));
        p.on(new ProgressEvent("etcd", "node1", "etcd healthy", Status.UNCHANGED, Duration.ofMillis(1500), "healthy"));

        assertThat(buf.toString().lines().toList()).containsExactly(
                "base            node1      hostname                   changed      42 ms  debian → node1",
                "etcd            node1      etcd healthy               unchanged    1.5 s  healthy");
    }

    @Test
    void terminalShowsTheRunningStepOnALineTheResultOverwrites() {
        ProgressPrinter p = new ProgressPrinter(out, true);
        p.on(ProgressEvent.of("docker", "node1", "docker service", Status.STARTED, ""));
        assertThat(buf.toString()).isEqualTo("  … docker node1 docker service");
        p.on(new ProgressEvent("docker", "node1", "docker service", Status.UNCHANGED, Duration.ofMillis(5), "docker active"));
        assertThat(buf.toString()).startsWith("  … docker node1 docker service\r\u001b[Kdocker ").contains("docker active").endsWith("\n");
    }

    @Test
    void dryRunReadsTopToBottomByStageAndNode() {
        ProgressPrinter p = new ProgressPrinter(out, false);
        p.on(ProgressEvent.of("nodes", "", "provider up", Status.PLANNED, "VBoxManage startvm master\nVBoxManage startvm node1"));
        p.on(ProgressEvent.of("etcd", "master", "etcd files", Status.PLANNED, "write /etc/default/etcd 0644 (restarts etcd if changed)"));
        p.on(ProgressEvent.of("etcd", "master", "etcd healthy", Status.PLANNED, "wait up to 30 s"));
        p.finish(new RunResult(List.of(), 0, 0, List.of(), Duration.ZERO), "lab.yaml", true);

        assertThat(buf.toString()).isEqualTo("""

                == nodes
                  (lab)
                    provider up
                      - VBoxManage startvm master
                      - VBoxManage startvm node1

                == etcd
                  master
                    etcd files
                      - write /etc/default/etcd 0644 (restarts etcd if changed)
                    etcd healthy
                      - wait up to 30 s

                dry run: nothing was touched. Run without --dry-run to apply.
                """);
    }

    @Test
    void failedRunShowsEvidenceFixAndHowToContinue() {
        ProgressPrinter p = new ProgressPrinter(out, false);
        p.finish(new RunResult(List.of(FLANNEL_FAILED), 3, 20, List.of("node1: flanneld"), Duration.ofMillis(4200)), "seeds.yaml", false);

        assertThat(buf.toString())
                .contains("FAILED (1 failure): 3 changed, 20 unchanged, 1 restart in 4.2 s")
                .contains("node2: flanneld / flannel service failed: flanneld did not start (exit 1)")
                .contains("  command: systemctl restart flanneld")
                .contains("  output:  Job for flanneld.service failed.\n           failed to find interface enp0s8")
                .contains("  fix:     read the journal lines above")
                .contains("`olab up seeds.yaml` continues from where it stopped");
    }

    @Test
    void jsonIsOneObjectPerEventThenASummary() {
        ProgressPrinter.JsonLines j = new ProgressPrinter.JsonLines(out);
        j.on(new ProgressEvent("docker", "node1", "docker files", Status.CHANGED, Duration.ofMillis(7), "wrote \"10-flannel.conf\"\n"));
        j.finish(new RunResult(List.of(FLANNEL_FAILED), 1, 0, List.of(), Duration.ofMillis(9)));

        List<String> lines = buf.toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("{\"type\":\"event\",\"stage\":\"docker\",\"node\":\"node1\",\"step\":\"docker files\","
                + "\"status\":\"CHANGED\",\"durationMs\":7,\"message\":\"wrote \\\"10-flannel.conf\\\"\\n\"}");
        assertThat(lines.get(1)).startsWith("{\"type\":\"summary\",\"ok\":false,\"changed\":1,\"unchanged\":0,\"restarts\":[],\"durationMs\":9,")
                .contains("\"command\":\"systemctl restart flanneld\"")
                .contains("\"evidence\":\"Job for flanneld.service failed.\\nfailed to find interface enp0s8\"");
    }

    @Test
    void unknownComponentIsBadInput() {
        assertThat(Olab.execute("apply", "lab.yaml", "--only", "kubelet")).isEqualTo(Olab.EXIT_BAD_INPUT);
    }

    @Test
    void missingLabFileIsBadInput() {
        assertThat(Olab.execute("up", "/nonexistent/olt-e-lab.yaml", "--dry-run")).isEqualTo(Olab.EXIT_BAD_INPUT);
    }
}
