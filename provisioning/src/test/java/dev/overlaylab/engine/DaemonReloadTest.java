package dev.overlaylab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.node.NodeLayout;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the engine reloads systemd: only for a unit systemd holds in an old version (see DaemonReloadStep). */
class DaemonReloadTest {
    @TempDir
    Path tmp;
    FakeLab fake;
    final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    static final String SHOW = "systemctl show -p Id -p LoadState -p FragmentPath -p DropInPaths -p NeedDaemonReload -- ";

    @BeforeEach
    void lab() throws Exception {
        Path flanneld = tmp.resolve("flanneld");
        Files.write(flanneld, new byte[] {0x7f, 'E', 'L', 'F', 1, 2, 3});
        fake = new FakeLab(flanneld);
    }

    private RunResult up() {
        events.clear();
        return fake.up(RunOptions.defaults(), events::add);
    }

    private List<ProgressEvent> results() {
        return events.stream().filter(e -> e.status() != Status.STARTED && e.status() != Status.PROGRESS).toList();
    }

    @Test
    void daemonReloadOnlyWhenSystemdHasAUnitLoadedInItsOldVersion() {
        // a cold up: systemd has docker.service loaded (the package's), and reads the new flanneld.service when asked
        for (FakeNode n : fake.nodes.values()) {
            n.staleUnits = java.util.Set.of("docker.service");
        }
        RunResult r = up();

        assertThat(r.ok()).isTrue();
        for (FakeNode n : fake.nodes.values()) {
            assertThat(n.commands).as(n.name).containsOnlyOnce("systemctl daemon-reload");
            assertThat(n.commands).as(n.name).contains(SHOW + "flanneld.service", SHOW + "docker.service");
            assertThat(n.file(NodeLayout.PENDING_FILE)).as("nothing left owed").isNull();
        }
        assertThat(results().stream().filter(e -> e.step().equals("daemon-reload") && e.message().contains("no reload needed")))
                .as("flanneld's reload skipped on both nodes").hasSize(2);
    }

    @Test
    void aNewDropInDirectoryOfAUnitSystemdHoldsIsReloadedThoughSystemdSaysNoReloadIsNeeded() {
        // a machine where docker.service stays loaded (docker runs, or its socket is loaded): systemd 252 answers
        // NeedDaemonReload=no and no DropInPaths for the drop-in directory olab creates
        for (FakeNode n : fake.nodes.values()) {
            n.staleUnits = java.util.Set.of();
            n.dropInDirUnseen = java.util.Set.of("docker.service");
        }
        RunResult r = up();

        assertThat(r.ok()).as(r.toString()).isTrue();
        for (FakeNode n : fake.nodes.values()) {
            assertThat(n.commands).as(n.name).containsOnlyOnce("systemctl daemon-reload");
            assertThat(n.commands.indexOf("systemctl daemon-reload")).as("before docker restarts")
                    .isLessThan(n.commands.indexOf("systemctl restart docker"));
        }
    }

    @Test
    void aPendingReloadThatNamesAUnitButNoFileIsMade() {
        for (FakeNode n : fake.nodes.values()) {
            n.staleUnits = java.util.Set.of();
        }
        assertThat(up().ok()).isTrue();
        fake.forget();
        // what the version before this one wrote: the unit without its file
        fake.node2.files.put(NodeLayout.PENDING_FILE, "daemon-reload docker.service\n".getBytes());

        assertThat(up().ok()).isTrue();

        assertThat(fake.node2.commands).containsOnlyOnce("systemctl daemon-reload");
        assertThat(fake.node2.file(NodeLayout.PENDING_FILE)).isNull();
    }

    @Test
    void aPendingReloadFromAnOlderVersionNamesNoUnitAndIsMadeAnyway() {
        for (FakeNode n : fake.nodes.values()) {
            n.staleUnits = java.util.Set.of();
        }
        assertThat(up().ok()).isTrue();
        fake.forget();
        fake.node2.files.put(NodeLayout.PENDING_FILE, "daemon-reload\n".getBytes());

        assertThat(up().ok()).isTrue();

        assertThat(fake.node2.commands).containsOnlyOnce("systemctl daemon-reload");
        assertThat(fake.node1.commands).doesNotContain("systemctl daemon-reload");
        assertThat(fake.node2.file(NodeLayout.PENDING_FILE)).isNull();
    }
}
