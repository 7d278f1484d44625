package dev.overlaylab.app.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.engine.CheckResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MatrixModelTest {
    private static CheckResult pair(String check, String from, String to, boolean ok) {
        return new CheckResult(check, from, Optional.of(to), ok, "ping -c1 ... " + (ok ? "0% loss" : "100% loss"));
    }

    private static CheckResult node(String check, String n, boolean ok) {
        return new CheckResult(check, n, Optional.empty(), ok, "systemctl is-active");
    }

    private final List<CheckResult> results = List.of(
            node("services", "master", true), node("services", "node1", true),
            pair("ping-host", "master", "node1", true), pair("pod-ping", "master", "node1", false),
            pair("ping-host", "node1", "master", true), pair("pod-ping", "node1", "master", true));

    @Test
    void pairGridHasOneRowPerOrderedPairAndOneColumnPerCheck() {
        MatrixModel m = new MatrixModel(MatrixModel.Kind.PAIRS);
        m.setResults(results);
        assertThat(m.getRowCount()).isEqualTo(2);
        assertThat(m.getColumnCount()).isEqualTo(3);
        assertThat(m.getValueAt(0, 0)).isEqualTo("master → node1");
        assertThat(m.at(0, 2)).get().extracting(CheckResult::passed).isEqualTo(false);
        assertThat(m.failedCount()).isEqualTo(1);
        assertThat(m.allPassed()).isFalse();
    }

    @Test
    void nodeGridHasARowPerCheckAndAColumnPerNode() {
        MatrixModel m = new MatrixModel(MatrixModel.Kind.NODES);
        m.setResults(results);
        assertThat(m.getRowCount()).isEqualTo(1);
        assertThat(m.getColumnCount()).isEqualTo(3);
        assertThat(m.getColumnName(2)).isEqualTo("node1");
        assertThat(m.at(0, 2)).get().extracting(CheckResult::from).isEqualTo("node1");
        assertThat(m.allPassed()).isTrue();
    }

    @Test
    void skippedCellsAreNotGreenButAreNotFailuresEither() {
        MatrixModel m = new MatrixModel(MatrixModel.Kind.PAIRS);
        m.setResults(List.of(pair("ping-host", "a", "b", true),
                new CheckResult("pod-ping", "a", Optional.of("b"), false, true, "no verify pod on a")));
        assertThat(m.failedCount()).isZero();
        assertThat(m.allPassed()).isFalse();
        assertThat(m.firstFailed()).isEmpty();
    }

    @Test
    void firstFailedPointsAtTheFirstRedCell() {
        MatrixModel m = new MatrixModel(MatrixModel.Kind.PAIRS);
        m.setResults(results);
        assertThat(m.firstFailed()).get().satisfies(rc -> assertThat(rc).containsExactly(0, 2));
    }

    @Test
    void rerunOfOneCellReplacesOnlyThatCell() {
        MatrixModel m = new MatrixModel(MatrixModel.Kind.PAIRS);
        m.setResults(results);
        assertThat(m.update(pair("pod-ping", "master", "node1", true))).isTrue();
        assertThat(m.allPassed()).isTrue();
        assertThat(m.update(node("services", "master", false))).isFalse();
        assertThat(m.update(pair("http", "master", "node1", false))).isFalse();
        assertThat(m.passedCount()).isEqualTo(4);
    }

    @Test
    void anEmptyGridIsNotAllGreen() {
        MatrixModel m = new MatrixModel(MatrixModel.Kind.PAIRS);
        m.setResults(List.of());
        assertThat(m.allPassed()).isFalse();
        assertThat(m.at(0, 1)).isEmpty();
    }
}
