package dev.overlaylab.app.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.progress.StageCell.State;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageGridModelTest {

    private static ProgressEvent ev(String stage, String node, String step, Status s, long ms) {
        return new ProgressEvent(stage, node, step, s, Duration.ofMillis(ms), "");
    }

    @Test
    void aStageIsRunningUntilEveryStartedStepFinishesAndShowsItsWallTime() {
        long[] now = {1_000_000_000L};
        StageGridModel m = new StageGridModel(List.of("master", "node1"), () -> now[0]);
        m.apply(ev("flanneld", "master", "unit file", Status.STARTED, 0));
        m.apply(ev("flanneld", "master", "start", Status.STARTED, 0));
        now[0] += 300_000_000L;
        m.apply(ev("flanneld", "master", "unit file", Status.CHANGED, 300));
        assertThat(m.cell("master", "flanneld").state()).isEqualTo(State.RUNNING);
        now[0] += 200_000_000L;
        // overlapping steps: 300 ms and 500 ms of reported work, 500 ms of wall time
        m.apply(ev("flanneld", "master", "start", Status.UNCHANGED, 500));
        StageCell c = m.cell("master", "flanneld");
        assertThat(c.state()).isEqualTo(State.CHANGED);
        assertThat(c.time()).isEqualTo(Duration.ofMillis(500));
        assertThat(m.cell("node1", "flanneld").state()).isEqualTo(State.PENDING);
    }

    @Test
    void aFailureSticksToItsCellAndIsRememberedForRetry() {
        StageGridModel m = new StageGridModel(List.of("master"));
        m.apply(new ProgressEvent("etcd", "master", "wait healthy", Status.FAILED, Duration.ofSeconds(30),
                "etcd did not answer on 192.168.58.101:2379"));
        m.apply(ev("etcd", "master", "other", Status.CHANGED, 10));
        assertThat(m.cell("master", "etcd").state()).isEqualTo(State.FAILED);
        assertThat(m.firstFailure()).get().extracting(ProgressEvent::stage, ProgressEvent::node)
                .containsExactly("etcd", "master");
    }

    @Test
    void retryFromAStageClearsThatStageAndLaterOnesButKeepsEarlierResults() {
        StageGridModel m = new StageGridModel(List.of("master"));
        m.apply(ev("base", "master", "packages", Status.UNCHANGED, 5));
        m.apply(ev("etcd", "master", "config", Status.FAILED, 5));
        m.resetFrom(2);
        assertThat(m.cell("master", "base").state()).isEqualTo(State.UNCHANGED);
        assertThat(m.cell("master", "etcd").state()).isEqualTo(State.PENDING);
        assertThat(m.firstFailure()).isEmpty();
    }

    @Test
    void progressCountsFinishedCellsOfEveryNode() {
        StageGridModel m = new StageGridModel(List.of("a", "b"));
        assertThat(m.progress()).isZero();
        m.apply(ev("nodes", "a", "boot", Status.CHANGED, 1));
        m.apply(ev("nodes", "b", "boot", Status.STARTED, 0));
        assertThat(m.progress()).isEqualTo(1.0 / 14);
    }

    @Test
    void labWideStepsGetTheirOwnRowAndUnknownStagesAreIgnored() {
        StageGridModel m = new StageGridModel(List.of("master"));
        m.apply(ev("network-config", "", "write config", Status.CHANGED, 270));
        m.apply(ev("something-new", "master", "x", Status.CHANGED, 1));
        assertThat(m.getRowCount()).isEqualTo(2);
        assertThat(m.cell(StageGridModel.LAB_ROW, "network-config").state()).isEqualTo(State.CHANGED);
    }

    @Test
    void cancelTurnsRunningCellsIntoCancelledOnes() {
        StageGridModel m = new StageGridModel(List.of("master"));
        m.apply(ev("docker", "master", "restart", Status.STARTED, 0));
        m.cancelOpenCells();
        assertThat(m.cell("master", "docker").state()).isEqualTo(State.CANCELLED);
    }

    @Test
    void stagesThatDoNotRunOnARowAreNotApplicableAndDoNotHoldBackProgress() {
        // etcd only on master, the network config only on the whole-lab row
        StageGridModel m = new StageGridModel(List.of("master", "node1"), (row, stage) -> switch (stage) {
            case "etcd" -> row.equals("master");
            case "network-config" -> row.equals(StageGridModel.LAB_ROW);
            default -> !row.equals(StageGridModel.LAB_ROW);
        }, () -> 0L);
        assertThat(m.getRowCount()).isEqualTo(3);
        assertThat(m.cell("node1", "etcd").state()).isEqualTo(State.NOT_APPLICABLE);
        assertThat(m.cell(StageGridModel.LAB_ROW, "base").state()).isEqualTo(State.NOT_APPLICABLE);
        for (String stage : dev.overlaylab.app.engine.Stages.ALL) {
            for (String row : List.of("master", "node1", StageGridModel.LAB_ROW)) {
                if (m.cell(row, stage).state() == State.PENDING) {
                    m.apply(ev(stage, row, "step", Status.UNCHANGED, 1));
                }
            }
        }
        assertThat(m.progress()).isEqualTo(1.0);
    }
}
