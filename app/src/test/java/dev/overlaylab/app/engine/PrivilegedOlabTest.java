package dev.overlaylab.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ExecRunner;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's privileged olab child, with a recording runner standing in for pkexec/sudo: the command
 * line it builds, the progress events it hands on, and what it says when the child ends without a
 * result. The JSON lines are hand-written in the shape {@code olab up --json} writes
 * (ProgressPrinter.JsonLines); the real child was run by hand as a throwaway user with sudo -n
 * (docs/local-provider.md#root-from-the-desktop-app), not by an automated test.
 */
class PrivilegedOlabTest {
    @TempDir
    Path dir;

    /** Answers with a fixed result and keeps the argv and environment it was given. */
    static final class Recording implements ExecRunner {
        final List<List<String>> argvs = new ArrayList<>();
        final List<Map<String, String>> envs = new ArrayList<>();
        final ExecResult answer;

        Recording(int exit, String stdout, String stderr) {
            this.answer = new ExecResult(List.of("x"), exit, stdout, stderr);
        }

        @Override
        public ExecResult run(List<String> argv, Map<String, String> extraEnv, Duration timeout) {
            argvs.add(argv);
            envs.add(extraEnv);
            return new ExecResult(argv, answer.exitCode(), answer.stdout(), answer.stderr());
        }
    }

    private Lab lab() throws Exception {
        Path f = dir.resolve("in-lab.yaml");
        Files.writeString(f, "name: in-lab\nprovider: local\nprofile: debian-12-nspawn\nnetwork: {cidr: 192.168.85.0/24}\n"
                + "nodes:\n  - {name: master, ip: 192.168.85.101}\n  - {name: node1, ip: 192.168.85.102}\n"
                + "flannel: {network: 10.85.0.0/16}\n");
        return LabLoader.load(f);
    }

    private static RootAccess pkexec() {
        return RootAccess.decide(false, "ann", Map.of("DISPLAY", ":0"),
                n -> n.equals("pkexec") ? Optional.of(Path.of("/usr/bin/pkexec")) : Optional.empty(), p -> false, () -> false);
    }

    private static RootAccess sudoAskpass() {
        return RootAccess.decide(false, "ann", Map.of("SUDO_ASKPASS", "/usr/bin/ssh-askpass"),
                n -> n.equals("sudo") ? Optional.of(Path.of("/usr/bin/sudo")) : Optional.empty(), p -> true, () -> false);
    }

    @Test
    void upRunsTheAppsOwnOlabAsRootWithTheUsersDataFolderAndHandsEveryEventOn() throws Exception {
        String out = String.join("\n",
                "{\"type\":\"event\",\"stage\":\"nodes\",\"node\":\"master\",\"step\":\"boot\",\"status\":\"CHANGED\",\"durationMs\":2100,\"message\":\"olab-in-lab-master started\"}",
                "a log line that is not JSON",
                "{\"type\":\"event\",\"stage\":\"verify\",\"node\":\"\",\"step\":\"matrix\",\"status\":\"FAILED\",\"durationMs\":5,\"message\":\"pod ping failed\"}",
                "{\"type\":\"summary\",\"ok\":false,\"changed\":7,\"unchanged\":3,\"restarts\":[\"master: flanneld\"],\"durationMs\":12400,"
                        + "\"failures\":[{\"stage\":\"verify\",\"node\":\"\",\"step\":\"matrix\",\"what\":\"pod ping failed\",\"command\":\"\","
                        + "\"evidence\":\"\",\"fix\":\"olab diagnose\"}]}");
        Recording runner = new Recording(1, out, "");
        List<String> launcher = List.of("/opt/overlay-lab/bin/overlay-lab");
        PrivilegedOlab child = new PrivilegedOlab(runner, pkexec(), launcher, Path.of("/home/ann/.local/share/overlay-lab"));
        List<ProgressEvent> events = new ArrayList<>();
        Lab lab = lab();

        RunSummary s = child.up(lab, Optional.of("flanneld"), events::add);

        assertThat(runner.argvs).containsExactly(List.of("/usr/bin/pkexec", "/opt/overlay-lab/bin/overlay-lab", "--data-dir",
                "/home/ann/.local/share/overlay-lab", "up", dir.resolve("in-lab.yaml").toString(), "--json", "--from", "flanneld"));
        assertThat(events).containsExactly(
                new ProgressEvent("nodes", "master", "boot", Status.CHANGED, Duration.ofMillis(2100), "olab-in-lab-master started"),
                new ProgressEvent("verify", "", "matrix", Status.FAILED, Duration.ofMillis(5), "pod ping failed"));
        assertThat(s.ok()).isFalse();
        assertThat(s.summary()).isEqualTo("FAILED (1 failure): 7 changed, 3 unchanged, 1 restart in 12.4 s");
    }

    @Test
    void sudoGetsItsAskpassAndDownSaysTheLabWasRemoved() throws Exception {
        Recording runner = new Recording(0, "{\"type\":\"summary\",\"ok\":true}\n", "");
        PrivilegedOlab child = new PrivilegedOlab(runner, sudoAskpass(), List.of("/usr/bin/java", "-cp", "/a.jar", "dev.overlaylab.app.Main"),
                Path.of("/home/ann/.local/share/overlay-lab"));
        RunSummary s = child.down(lab(), e -> { });
        assertThat(runner.argvs.get(0)).startsWith("/usr/bin/sudo", "-A", "--", "/usr/bin/java", "-cp", "/a.jar",
                "dev.overlaylab.app.Main", "--data-dir").endsWith("down", dir.resolve("in-lab.yaml").toString(), "--json");
        assertThat(runner.envs.get(0)).containsEntry("SUDO_ASKPASS", "/usr/bin/ssh-askpass");
        assertThat(s).isEqualTo(new RunSummary(true, "lab in-lab removed"));
    }

    @Test
    void aLabWithoutAFileIsHandedOverAsATemporaryCopyThatIsRemovedAfterwards() throws Exception {
        Lab inMemory = LabLoader.parse(Files.readString(lab().source().orElseThrow()), Optional.empty());
        List<Path> seen = new ArrayList<>();
        ExecRunner runner = (argv, env, timeout) -> {
            Path f = Path.of(argv.get(argv.indexOf("up") + 1));
            seen.add(f);
            assertThat(f).content().contains("name: in-lab", "192.168.85.101");
            return new ExecResult(argv, 0, "{\"type\":\"summary\",\"ok\":true,\"changed\":0,\"unchanged\":5,\"restarts\":[],"
                    + "\"durationMs\":300,\"failures\":[]}", "");
        };
        RunSummary s = new PrivilegedOlab(runner, pkexec(), List.of("/olab"), dir).up(inMemory, Optional.empty(), e -> { });
        assertThat(s).isEqualTo(new RunSummary(true, "ok: 0 changed, 5 unchanged, 0 restarts in 0.3 s"));
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).doesNotExist();
    }

    @Test
    void aChildThatEndsWithoutItsSummaryIsExplainedByWhatStoppedIt() throws Exception {
        Lab lab = lab();
        // pkexec: dialog dismissed
        assertThatThrownBy(() -> new PrivilegedOlab(new Recording(126, "", "Error executing command as another user: Not authorized"),
                pkexec(), List.of("/olab"), dir).up(lab, Optional.empty(), e -> { }))
                .hasMessageContaining("administrator password was not given").hasMessageContaining("fix:")
                .hasMessageContaining("sudo olab up");
        // pkexec: no agent
        assertThatThrownBy(() -> new PrivilegedOlab(new Recording(127, "",
                "Error executing command as another user: No authentication agent found."), pkexec(), List.of("/olab"), dir)
                .up(lab, Optional.empty(), e -> { }))
                .hasMessageContaining("no polkit authentication agent").hasMessageContaining("lxpolkit");
        // sudo: this user may not
        assertThatThrownBy(() -> new PrivilegedOlab(new Recording(1, "", "ann is not in the sudoers file."), sudoAskpass(),
                List.of("/olab"), dir).down(lab, e -> { }))
                .hasMessageContaining("sudo does not allow this user").hasMessageContaining("adduser");
        // olab itself refused: its own message (and fix) as it is
        assertThatThrownBy(() -> new PrivilegedOlab(new Recording(1, "", "olab up: systemd-nspawn is missing: sudo ./olab setup local"
                + " installs it"), pkexec(), List.of("/olab"), dir).up(lab, Optional.empty(), e -> { }))
                .hasMessage("olab up: systemd-nspawn is missing: sudo ./olab setup local installs it");
    }

    @Test
    void theLauncherIsAbsoluteSoPkexecCanRunIt() {
        List<String> l = PrivilegedOlab.thisLauncher();
        assertThat(Path.of(l.get(0))).isAbsolute();
        assertThat(l).last().isEqualTo("dev.overlaylab.app.Main");
    }
}
