package dev.overlaylab.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inotify budget over a hand-made /proc tree (processes, their fds and roots, the limit file). */
class InotifyBudgetTest {
    @TempDir
    Path proc;

    private void process(int pid, int uid, Path root, int inotifyFds) throws Exception {
        Path p = Files.createDirectories(proc.resolve(Integer.toString(pid)).resolve("fd"));
        Files.writeString(p.getParent().resolve("status"), "Name:\tx\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\n");
        Files.createSymbolicLink(p.getParent().resolve("root"), root);
        for (int i = 0; i < inotifyFds; i++) {
            Files.createSymbolicLink(p.resolve(Integer.toString(i)), Path.of("anon_inode:inotify"));
        }
        Files.createSymbolicLink(p.resolve("99"), Path.of("/dev/null"));
    }

    private void limit(int n) throws Exception {
        Files.createDirectories(proc.resolve("sys/fs/inotify"));
        Files.writeString(proc.resolve("sys/fs/inotify/max_user_instances"), n + "\n");
    }

    @Test
    void countsRootsInstancesAndThoseOfThisLabsNodes() throws Exception {
        limit(128);
        Path lab = Path.of("/var/lib/overlay-lab/k8c1");
        process(10, 0, Path.of("/"), 30);
        process(11, 0, lab.resolve("nodes/master/root"), 17);
        process(12, 1000, Path.of("/"), 50);          // another user's instances do not count
        InotifyBudget.Verdict v = new InotifyBudget(proc, lab).check(2);
        assertThat(v.used()).isEqualTo(47);
        assertThat(v.ours()).isEqualTo(17);
        assertThat(v.need()).isEqualTo(40);
        assertThat(v.enough()).isTrue();                 // 128 - 47 + 17 >= 40
    }

    @Test
    void whenShortItRaisesTheLimitAndNeverLowersIt() throws Exception {
        limit(60);
        process(10, 0, Path.of("/"), 40);
        InotifyBudget budget = new InotifyBudget(proc, Path.of("/var/lib/overlay-lab/k8c1"));
        InotifyBudget.Verdict v = budget.check(2);
        assertThat(v.enough()).isFalse();
        assertThat(v.wanted()).isEqualTo(40 + 40 + 16);
        assertThat(budget.raise(v)).isTrue();
        assertThat(Files.readString(proc.resolve("sys/fs/inotify/max_user_instances")).strip()).isEqualTo("96");
        limit(500);
        assertThat(budget.raise(v)).isFalse();
        assertThat(Files.readString(proc.resolve("sys/fs/inotify/max_user_instances")).strip()).isEqualTo("500");
    }
}
