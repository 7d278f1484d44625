package dev.overlaylab.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 20-node local lab brought up, verified and taken down several times in a row through the CLI
 * (issue 10). The first 20-node {@code up} ever tried failed at the 20th node with
 * {@code ip link set olv…h19 master olb-… → Cannot find device}: that node's systemd had died at
 * boot for want of an inotify instance (all nodes share the host's 128), taking its veths with it.
 * Nodes now hold 5 instances instead of 9; every round here must come up green with no such error.
 *
 * <p>{@code -Dolab.bigLab.nodes=N} (default 20) and {@code -Dolab.bigLab.rounds=R} (default 3).
 * Network 192.168.93.0/24, flannel 10.93.0.0/16, lab {@code pfbig}.
 */
@Tag("integration")
class BigLabEndToEndTest {
    static final int NODES = Integer.getInteger("olab.bigLab.nodes", 20);
    static final int ROUNDS = Integer.getInteger("olab.bigLab.rounds", 3);
    /** What one booted, provisioned node holds (systemd 3, dbus, containerd), measured. */
    static final int INOTIFY_PER_NODE = 5;

    @TempDir
    Path tmp;

    @Test
    void aTwentyNodeLabComesUpGreenRoundAfterRound() throws Exception {
        Path labFile = tmp.resolve("pfbig.yaml");
        Files.writeString(labFile, labYaml(NODES));
        Lab lab = LabLoader.load(labFile);
        LocalLabRig rig = LocalLabRig.open(lab, tmp); // prerequisites: skip locally, fail in CI
        // Not a skip condition: the machine-wide count (all users) was seen above the limit while a
        // 20-node lab booted fine, so it is printed as context, and a node that runs out says so itself.
        InotifyBudget.Verdict inotify = new InotifyBudget(Path.of("/proc"), tmp).check(0);
        System.out.println("inotify instances open before the test: " + inotify.used() + " (limit "
                + inotify.limit() + " per user; this lab needs about " + NODES * INOTIFY_PER_NODE + ")");
        LocalNames names = rig.names();
        List<String> rounds = new ArrayList<>();
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                long t0 = System.nanoTime();
                ExecResult up = olab(Duration.ofMinutes(10), "up", "--parallel", Integer.toString(NODES), labFile.toString());
                double upS = (System.nanoTime() - t0) / 1e9;
                assertThat(up.stdout() + up.stderr()).as(show("up, round " + round, up)).doesNotContain("Cannot find device")
                        .doesNotContain("Too many open files");
                assertThat(up.exitCode()).as(show("up, round " + round, up)).isZero();

                long t1 = System.nanoTime();
                ExecResult verify = olab(Duration.ofMinutes(5), "verify", labFile.toString());
                double verifyS = (System.nanoTime() - t1) / 1e9;
                assertThat(verify.exitCode()).as(show("verify, round " + round, verify)).isZero();
                assertThat(verify.stdout()).as(show("verify, round " + round, verify)).contains("ALL PASS")
                        .contains("of " + NODES * (NODES - 1) + " node pairs").contains("olab verify --full checks all");

                ExecResult down = olab(Duration.ofMinutes(5), "down", labFile.toString());
                assertThat(down.exitCode()).as(show("down, round " + round, down)).isZero();
                LocalProviderTest.assertNothingLeft(names);
                rounds.add(String.format(Locale.ROOT, "round %d: up %.1f s, verify %.1f s (load %s)", round, upS, verifyS,
                        Files.readString(Path.of("/proc/loadavg")).substring(0, 14)));
                System.out.println(rounds.get(rounds.size() - 1));
            }
        } finally {
            olab(Duration.ofMinutes(5), "down", labFile.toString()); // after a failure above; a no-op otherwise
            rig.provider().down(lab, e -> { });
            System.out.println(String.join("\n", rounds));
        }
    }

    static String labYaml(int nodes) {
        StringBuilder sb = new StringBuilder("name: pfbig\nprovider: local\nprofile: debian-12-nspawn\n"
                + "network:\n  cidr: 192.168.93.0/24\nnodes:\n");
        for (int i = 0; i < nodes; i++) {
            sb.append("  - {name: ").append(i == 0 ? "master" : "node" + i).append(", ip: 192.168.93.").append(101 + i).append("}\n");
        }
        return sb.append("flannel:\n  version: 0.28.9\n  network: 10.93.0.0/16\n  subnetLen: 24\n"
                + "  backend: {type: vxlan, VNI: 1, Port: 8472}\n  binary: {file: " + LocalLabRig.FLANNELD + "}\n"
                + "docker:\n  mtu: flannel\nverify: {pods: true, http: true, mtuProbe: true}\n").toString();
    }

    /** Runs {@code olab ARGS} in a new JVM on this test's class path, with its own app data folder. */
    private ExecResult olab(Duration limit, String... args) {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.overlaylab.cli.Olab"));
        argv.addAll(List.of(args));
        return new ProcessRunner().run(argv, Map.of("XDG_DATA_HOME", tmp.resolve("data").toString()), limit);
    }

    private static String show(String what, ExecResult r) {
        String out = r.stdout();
        return "olab " + what + " exited " + r.exitCode() + "\n--- stdout (end)\n" + out.substring(Math.max(0, out.length() - 6000))
                + "\n--- stderr\n" + r.stderr();
    }
}
