package dev.overlaylab.app.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The engine's command-line advice, as the diagnose rules word it, turned into what the screens offer. */
class ForPeopleTest {

    @Test
    void olabUpBecomesTheButtonAndKeepsTheSentence() {
        // Wording of FlanneldDownRule and StaleLeaseRule on main.
        assertThat(ForPeople.fix("on node1: systemctl enable --now flanneld && systemctl restart docker (olab up does both)", "Fix"))
                .isEqualTo("on node1: systemctl enable --now flanneld && systemctl restart docker (Fix does both)");
        assertThat(ForPeople.fix("recreate them); olab up does the restarts", "Fix")).isEqualTo("recreate them); Fix does the restarts");
        assertThat(ForPeople.fix("then run olab up lab.yaml", "Fix")).isEqualTo("then run Fix");
    }

    @Test
    void otherCommandAdviceIsDroppedFromErrors() {
        assertThat(ForPeople.error(new IllegalStateException("node node1 is not running; run olab up first")))
                .isEqualTo("node node1 is not running");
        assertThat(ForPeople.error(new IllegalStateException("node1 did not answer; run olab up lab.yaml first. Then retry")))
                .isEqualTo("node1 did not answer. Then retry");
        assertThat(ForPeople.error(new IllegalStateException("first line\n\tat some.Trace"))).isEqualTo("first line");
        assertThat(ForPeople.error(new NullPointerException())).isEqualTo("an unexpected internal error (NullPointerException)");
    }
}
