package dev.overlaylab.engine.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SystemdTest {
    /** Recorded on a local lab node (Debian 12, systemd 252.39) with the command {@link Systemd#loadState} gives. */
    private static final String BOTH_CURRENT = """
            Id=docker.service
            LoadState=loaded
            NeedDaemonReload=no

            Id=flanneld.service
            LoadState=loaded
            NeedDaemonReload=no
            """;
    /** Same node, right after {@code touch /etc/systemd/system/docker.service.d/10-flannel.conf}. */
    private static final String DROP_IN_CHANGED = """
            Id=docker.service
            LoadState=loaded
            NeedDaemonReload=yes

            Id=flanneld.service
            LoadState=loaded
            NeedDaemonReload=no
            """;
    /** Same node: a unit with no file, which systemd keeps as not found. */
    private static final String NOT_FOUND = """
            Id=olab-nothere.service
            LoadState=not-found
            NeedDaemonReload=no
            """;

    @Test
    void theQuestionNamesEveryUnit() {
        assertThat(Systemd.loadState(List.of("docker.service", "flanneld.service")))
                .isEqualTo("systemctl show -p Id -p LoadState -p NeedDaemonReload -- docker.service flanneld.service");
    }

    @Test
    void noReloadOnlyWhenEveryUnitIsLoadedFromItsFileAsItIsNow() {
        assertThat(Systemd.allLoadedAndCurrent(BOTH_CURRENT, 2)).isTrue();
        assertThat(Systemd.allLoadedAndCurrent(DROP_IN_CHANGED, 2)).isFalse();
        assertThat(Systemd.allLoadedAndCurrent(NOT_FOUND, 1)).isFalse();
        assertThat(Systemd.allLoadedAndCurrent(BOTH_CURRENT, 3)).as("an answer for fewer units than asked").isFalse();
        assertThat(Systemd.allLoadedAndCurrent("", 1)).isFalse();
        assertThat(Systemd.allLoadedAndCurrent("Id=docker.service\nLoadState=loaded\n", 1)).as("no NeedDaemonReload (unknown)").isFalse();
    }
}
