package dev.overlaylab.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.progress.ProgressListener;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Re-running one cell of the matrix runs that check only (the app's "Re-run selected check"). */
class CellsTest {

    @Test
    void onePairCellRunsOnlyThatCheck() {
        FakeLab f = FakeLab.healthy();
        VerificationReport report = new Verifier().run(f.lab(), f.access(), ProgressListener.NONE,
                Cells.one("pod-http", "node1", Optional.of("node2")));

        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("pod-http");
            assertThat(r.node()).isEqualTo("node1");
            assertThat(r.peer()).hasValue("node2");
            assertThat(r.passed()).isTrue();
        });
    }

    @Test
    void oneNodeCellRunsOnlyThatCheckAndReadsOnlyThatNode() {
        FakeLab f = FakeLab.healthy().forwardDrop();
        VerificationReport report = new Verifier().run(f.lab(), f.access(), ProgressListener.NONE,
                Cells.one("forward-policy", "node2", Optional.empty()));

        assertThat(report.results()).extracting(CheckResult::id, CheckResult::node)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("forward-policy", "node2"));
        // node1 is asked only for the lease list (etcd runs there); none of its own facts are read
        assertThat(f.commands).filteredOn(c -> c.startsWith("node1: ")).allMatch(c -> c.contains("etcdctl"));
    }

    @Test
    void allSelectsEveryCell() {
        FakeLab f = FakeLab.healthy();
        assertThat(new Verifier().run(f.lab(), f.access(), ProgressListener.NONE, Cells.ALL).results())
                .hasSameSizeAs(new Verifier().run(f.lab(), f.access(), ProgressListener.NONE).results());
    }
}
