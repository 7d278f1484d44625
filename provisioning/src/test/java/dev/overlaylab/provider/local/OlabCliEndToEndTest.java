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
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user runs it: {@code olab up}, {@code verify}, {@code diff}, {@code up}
 * again, {@code down} on a real local lab, each in its own JVM (the same main class the
 * {@code ./olab} launcher runs, so the same composition root, etcd store and in-pipeline verify as a
 * user gets), checking exit codes and what is printed. The lab is the example's, under its own
 * name and network so it can run beside the other end-to-end tests.
 */
@Tag("integration")
class OlabCliEndToEndTest {
    private static final Duration UP_LIMIT = Duration.ofMinutes(8); // includes the first node-image build

    @TempDir
    Path tmp;

    @Test
    void upVerifyDiffUpAgainAndDownThroughTheCli() throws Exception {
        Path labFile = tmp.resolve("cli-lab.yaml");
        Files.writeString(labFile, Files.readString(Path.of("..", "examples", "two-node-local.yaml"))
                .replace("name: local-lab", "name: olcli")
                .replace("192.168.56.", "192.168.68."));
        Lab lab = LabLoader.load(labFile);
        LocalLabRig rig = LocalLabRig.open(lab, tmp); // prerequisites: skip locally, fail in CI
        LocalNames names = rig.names();
        try {
            ExecResult up = olab(UP_LIMIT, "up", labFile.toString());
            assertThat(up.exitCode()).as(show("up", up)).isZero();
            assertThat(up.stdout()).as(show("up", up)).doesNotContain("FAILED");

            ExecResult verify = olab(Duration.ofMinutes(2), "verify", labFile.toString());
            assertThat(verify.exitCode()).as(show("verify", verify)).isZero();
            assertThat(verify.stdout()).as(show("verify", verify)).contains("ALL PASS").doesNotContain("FAILED");

            ExecResult json = olab(Duration.ofMinutes(2), "verify", labFile.toString(), "--json");
            assertThat(json.exitCode()).as(show("verify --json", json)).isZero();
            assertThat(json.stdout().strip()).as(show("verify --json", json)).startsWith("{").endsWith("}");

            ExecResult diff = olab(Duration.ofMinutes(1), "diff", labFile.toString(), "--exit-code");
            assertThat(diff.exitCode()).as(show("diff", diff)).isZero();
            assertThat(diff.stdout()).as(show("diff", diff)).contains("no differences");

            // olab ssh: one command on a node, its options its own, its exit code passed on; a node the lab lacks is bad input
            ExecResult ssh = olab(Duration.ofMinutes(1), "ssh", labFile.toString(), "node1", "cat", "-A", "/etc/hostname");
            assertThat(ssh.exitCode()).as(show("ssh node1 cat", ssh)).isZero();
            assertThat(ssh.stdout()).as(show("ssh node1 cat", ssh)).isEqualTo("node1$\n");
            assertThat(olab(Duration.ofMinutes(1), "ssh", labFile.toString(), "node1", "exit", "3").exitCode()).isEqualTo(3);
            ExecResult noNode = olab(Duration.ofMinutes(1), "ssh", labFile.toString(), "node9", "true");
            assertThat(noNode.exitCode()).as(show("ssh node9", noNode)).isEqualTo(2);
            assertThat(noNode.stderr()).contains("lab olcli has no node node9; its nodes: master, node1");

            ExecResult again = olab(Duration.ofMinutes(3), "up", labFile.toString());
            assertThat(again.exitCode()).as(show("up again", again)).isZero();

            ExecResult down = olab(Duration.ofMinutes(2), "down", labFile.toString());
            assertThat(down.exitCode()).as(show("down", down)).isZero();
            LocalProviderTest.assertNothingLeft(names);

            ExecResult badFile = olab(Duration.ofMinutes(1), "up", tmp.resolve("no-such-lab.yaml").toString());
            assertThat(badFile.exitCode()).as(show("up of a missing file", badFile)).isEqualTo(2);
        } finally {
            olab(Duration.ofMinutes(2), "down", labFile.toString()); // after a failure above; a no-op otherwise
            rig.provider().down(lab, e -> { }); // the provider's own clean-up if the CLI could not
        }
    }

    /** Runs {@code olab ARGS} in a new JVM on this test's class path, with its own app data folder. */
    private ExecResult olab(Duration limit, String... args) {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.overlaylab.cli.Olab"));
        argv.addAll(List.of(args));
        // keys and known_hosts under the test's folder, not the user's
        return new ProcessRunner().run(argv, Map.of("XDG_DATA_HOME", tmp.resolve("data").toString()), limit);
    }

    private static String show(String what, ExecResult r) {
        return "olab " + what + " exited " + r.exitCode() + "\n--- stdout\n" + r.stdout() + "\n--- stderr\n" + r.stderr();
    }
}
