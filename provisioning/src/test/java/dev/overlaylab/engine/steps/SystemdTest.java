package dev.overlaylab.engine.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.engine.NodeRun.UnitFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class SystemdTest {
    static final UnitFile DOCKER_DROP_IN = new UnitFile("docker.service", "/etc/systemd/system/docker.service.d/10-flannel.conf");
    static final UnitFile FLANNELD = new UnitFile("flanneld.service", "/etc/systemd/system/flanneld.service");

    /**
     * Recorded on a local lab node (Debian 12, systemd 252.39) with the command {@link Systemd#loadState} gives, after a
     * reload with both files in place.
     */
    private static final String BOTH_CURRENT = """
            Id=docker.service
            LoadState=loaded
            FragmentPath=/lib/systemd/system/docker.service
            DropInPaths=/etc/systemd/system/docker.service.d/10-flannel.conf
            NeedDaemonReload=no

            Id=flanneld.service
            LoadState=loaded
            FragmentPath=/etc/systemd/system/flanneld.service
            DropInPaths=
            NeedDaemonReload=no
            """;
    /** Same node, right after {@code touch /etc/systemd/system/docker.service.d/10-flannel.conf}. */
    private static final String DROP_IN_CHANGED = """
            Id=docker.service
            LoadState=loaded
            FragmentPath=/lib/systemd/system/docker.service
            DropInPaths=/etc/systemd/system/docker.service.d/10-flannel.conf
            NeedDaemonReload=yes
            """;
    /**
     * Same node, docker running: the drop-in directory removed, {@code daemon-reload}, then the directory and file made
     * again. systemd says no reload is needed and does not see the drop-in.
     */
    private static final String DROP_IN_DIR_UNSEEN = """
            Id=docker.service
            LoadState=loaded
            FragmentPath=/lib/systemd/system/docker.service
            DropInPaths=
            NeedDaemonReload=no

            Id=flanneld.service
            LoadState=loaded
            FragmentPath=/etc/systemd/system/flanneld.service
            DropInPaths=
            NeedDaemonReload=no
            """;
    /** Same node: a unit with no file, which systemd keeps as not found. */
    private static final String NOT_FOUND = """
            Id=olab-nothere.service
            LoadState=not-found
            FragmentPath=
            DropInPaths=
            NeedDaemonReload=no
            """;

    @Test
    void aStartAgainWaitsStopsAndClearsTheFailedStateFirst() {
        assertThat(Systemd.startAgain("flanneld", 400))
                .isEqualTo("sleep 0.4; systemctl stop flanneld; systemctl reset-failed flanneld >/dev/null 2>&1; systemctl start flanneld");
    }

    @Test
    void theQuestionNamesEveryUnit() {
        assertThat(Systemd.loadState(List.of("docker.service", "flanneld.service")))
                .isEqualTo("systemctl show -p Id -p LoadState -p FragmentPath -p DropInPaths -p NeedDaemonReload -- docker.service flanneld.service");
    }

    @Test
    void noReloadOnlyWhenEveryUnitIsLoadedFromEachWrittenFileAsItIsNow() {
        assertThat(Systemd.readsAll(BOTH_CURRENT, List.of(DOCKER_DROP_IN, FLANNELD))).isTrue();
        assertThat(Systemd.readsAll(DROP_IN_CHANGED, List.of(DOCKER_DROP_IN))).isFalse();
        assertThat(Systemd.readsAll(DROP_IN_DIR_UNSEEN, List.of(DOCKER_DROP_IN, FLANNELD))).as("NeedDaemonReload=no is not enough").isFalse();
        assertThat(Systemd.readsAll(DROP_IN_DIR_UNSEEN, List.of(FLANNELD))).isTrue();
        assertThat(Systemd.readsAll(NOT_FOUND, List.of(new UnitFile("olab-nothere.service", "/etc/systemd/system/olab-nothere.service")))).isFalse();
        assertThat(Systemd.readsAll(DROP_IN_CHANGED, List.of(DOCKER_DROP_IN, FLANNELD))).as("no answer for a unit asked").isFalse();
        assertThat(Systemd.readsAll("", List.of(FLANNELD))).isFalse();
        assertThat(Systemd.readsAll("Id=flanneld.service\nLoadState=loaded\nFragmentPath=/etc/systemd/system/flanneld.service\n", List.of(FLANNELD)))
                .as("no NeedDaemonReload (unknown)").isFalse();
        assertThat(Systemd.readsAll(BOTH_CURRENT, List.of(new UnitFile("docker.service", "/etc/systemd/system/docker.service.d/20-other.conf"))))
                .as("a drop-in systemd does not list").isFalse();
    }
}
