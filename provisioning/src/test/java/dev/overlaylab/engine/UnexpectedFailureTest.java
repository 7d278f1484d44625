package dev.overlaylab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** The fix line of a step error that does not explain itself: reachability only for I/O on a node. */
class UnexpectedFailureTest {

    @Test
    void anIoErrorOnANodeIsAboutReachingThatNode() {
        assertThat(UnexpectedFailure.fix(new UncheckedIOException(new IOException("Broken pipe")), "node1"))
                .isEqualTo("check that node1 is running and reachable, then run up again to continue");
        assertThat(UnexpectedFailure.fix(new IllegalStateException("lost", new IOException("reset")), "master")).contains("master is running");
    }

    @Test
    void anythingElseIsNotBlamedOnANode() {
        String fix = UnexpectedFailure.fix(new IllegalStateException("the lab's bridge could not be made"), "master");
        assertThat(fix).doesNotContain("master", "reachable").contains("not expected", "IllegalStateException", "report it");
        // lab-wide: no node to blame even for I/O
        assertThat(UnexpectedFailure.fix(new UncheckedIOException(new IOException("x")), "")).doesNotContain("reachable");
    }

    @Test
    void aMessageWithItsOwnFixGetsNoSecondOne() {
        assertThat(UnexpectedFailure.fix(new IllegalStateException("etcd at 10.0.0.1:2379: timeout\n  fix: start etcd"), "master")).isEmpty();
        assertThat(UnexpectedFailure.fix(new IllegalStateException("lab 'x' is not up on this machine: run ./olab up first"), "master"))
                .isEmpty();
    }
}
