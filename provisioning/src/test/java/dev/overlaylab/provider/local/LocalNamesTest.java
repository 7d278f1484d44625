package dev.overlaylab.provider.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalNamesTest {
    private final Path root = Path.of("/var/lib/overlay-lab");

    @Test
    void linkNamesFitLinuxLimitEvenForLongLabNames() {
        LocalNames n = new LocalNames("a-very-long-lab-name-that-would-never-fit-an-interface", root);
        assertThat(n.bridge()).hasSizeLessThanOrEqualTo(15).startsWith("olb");
        assertThat(n.hostOnlyVeth(99)).hasSizeLessThanOrEqualTo(15).startsWith("olv");
        assertThat(n.natVeth(99)).hasSizeLessThanOrEqualTo(15).startsWith("olv");
    }

    @Test
    void differentLabsGetDifferentLinksAndTheSameLabTheSameOnes() {
        LocalNames a = new LocalNames("two-node", root);
        LocalNames b = new LocalNames("two-node-local", root);
        assertThat(a.bridge()).isNotEqualTo(b.bridge());
        assertThat(a.hostOnlyVeth(0)).isNotEqualTo(b.hostOnlyVeth(0));
        assertThat(new LocalNames("two-node", root).bridge()).isEqualTo(a.bridge());
    }

    @Test
    void hostOnlyAndNatVethsOfOneNodeDiffer() {
        LocalNames n = new LocalNames("lab", root);
        assertThat(n.hostOnlyVeth(3)).isNotEqualTo(n.natVeth(3));
        assertThat(n.hostOnlyVeth(3)).isNotEqualTo(n.hostOnlyVeth(4));
    }

    @Test
    void machinesAndFoldersFollowTheLabName() {
        LocalNames n = new LocalNames("two-node-local", root);
        assertThat(n.machine("master")).isEqualTo("ol-two-node-local-master");
        assertThat(n.nodeRoot("master")).isEqualTo(Path.of("/var/lib/overlay-lab/two-node-local/master/root"));
    }

    @Test
    void refusesMoreNodesThanTheNamesCanHold() {
        assertThatThrownBy(() -> new LocalNames("lab", root).hostOnlyVeth(100)).hasMessageContaining("at most 100 nodes");
    }
}
