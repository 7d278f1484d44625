package dev.overlaylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.engine.Pipelines;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StageTallyTest {
    static Lab lab(int nodes) throws Exception {
        StringBuilder y = new StringBuilder("name: tally\nprovider: local\nprofile: debian-12-nspawn\nnetwork:\n  cidr: 192.168.94.0/24\nnodes:\n");
        for (int i = 0; i < nodes; i++) {
            y.append("  - {name: ").append(i == 0 ? "master" : "node" + i).append(", ip: 192.168.94.").append(101 + i).append("}\n");
        }
        y.append("flannel:\n  version: 0.28.9\n  network: 10.94.0.0/16\n  backend: {type: vxlan}\n  binary: {file: /nonexistent/flanneld}\n");
        return LabLoader.parse(y.toString(), Optional.empty());
    }

    private static ProgressEvent done(String stage, String node, String step) {
        return new ProgressEvent(stage, node, step, Status.CHANGED, Duration.ofMillis(5), "");
    }

    @Test
    void aStageIsDoneWhenEveryNodeFinishedEachOfItsStepsOrFailed() throws Exception {
        Lab lab = lab(3);
        StageTally t = new StageTally(Pipelines.up(), lab);
        var flanneld = Pipelines.up().stream().filter(s -> s.id().equals("flanneld")).findFirst().orElseThrow();
        String line = null;
        for (String node : new String[] {"master", "node1"}) {
            for (var step : flanneld.steps()) {
                t.on(ProgressEvent.of("flanneld", node, step.name(), Status.STARTED, ""));
                line = t.on(done("flanneld", node, step.name()));
            }
        }
        assertThat(line).isNull();
        assertThat(t.where("flanneld")).isEqualTo("flanneld 2/3 nodes · ");
        // node2 fails at its first step: its stage is over too
        String last = t.on(new ProgressEvent("flanneld", "node2", flanneld.steps().get(0).name(), Status.FAILED, Duration.ZERO, "x"));
        assertThat(last).startsWith("── flanneld: 3 of 3 nodes done in ");
        assertThat(t.where("flanneld")).isEqualTo("flanneld 3/3 nodes · ");
    }

    @Test
    void verifyChecksAndPlannedStepsAreNotCounted() throws Exception {
        StageTally t = new StageTally(Pipelines.up(), lab(2));
        assertThat(t.on(done("verify", "master", "etcd-active"))).isNull();
        assertThat(t.where("verify")).isEmpty();
        var base = Pipelines.up().stream().filter(s -> s.id().equals("base")).findFirst().orElseThrow();
        for (var step : base.steps()) {
            assertThat(t.on(ProgressEvent.of("base", "master", step.name(), Status.PLANNED, "plan"))).isNull();
        }
        assertThat(t.where("base")).isEqualTo("base 0/2 nodes · ");
    }
}
