package dev.overlaylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralTest {
    @Test
    void oneIsSingularEverythingElsePlural() {
        assertThat(Plural.count(1, "check")).isEqualTo("1 check");
        assertThat(Plural.count(0, "check")).isEqualTo("0 checks");
        assertThat(Plural.count(3, "node")).isEqualTo("3 nodes");
    }
}
